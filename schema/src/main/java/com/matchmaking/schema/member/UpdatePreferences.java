package com.matchmaking.schema.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record UpdatePreferences(@TargetAggregateIdentifier UUID memberId, PartnerPreferences preferences, Instant updatedAt) {
}
