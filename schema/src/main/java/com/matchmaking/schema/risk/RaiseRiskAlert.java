package com.matchmaking.schema.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Raise an alert for compliance: a rule saw {@code observed} against a threshold of {@code threshold} within
 * {@code window} ({@code null} where the rule has none). {@code accountKind} is {@code STAFF} or {@code MEMBER}.
 */
public record RaiseRiskAlert(@TargetAggregateIdentifier UUID alertId, UUID accountId, String accountKind, RiskRule rule,
                             long observed, long threshold, Duration window, Instant raisedAt) {
}
