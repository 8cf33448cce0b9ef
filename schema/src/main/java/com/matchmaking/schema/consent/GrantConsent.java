package com.matchmaking.schema.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record GrantConsent(@TargetAggregateIdentifier UUID memberId, ConsentPurpose purpose, String policyVersion,
                           Instant grantedAt) {
}
