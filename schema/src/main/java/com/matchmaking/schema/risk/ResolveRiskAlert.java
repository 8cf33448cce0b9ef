package com.matchmaking.schema.risk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Compliance resolves an alert with a decision and a note; nobody resolves an alert about themselves. */
public record ResolveRiskAlert(@TargetAggregateIdentifier UUID alertId, UUID resolverId, AlertDecision decision,
                               String note, Instant resolvedAt) {
}
