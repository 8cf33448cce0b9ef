package com.matchmaking.schema.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record WithdrawConsent(@TargetAggregateIdentifier UUID memberId, ConsentPurpose purpose, Instant withdrawnAt) {
}
