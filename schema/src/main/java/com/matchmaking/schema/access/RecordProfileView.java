package com.matchmaking.schema.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a staff member opened a member's (masked) profile. */
public record RecordProfileView(@TargetAggregateIdentifier UUID memberId, UUID staffId, String staffRole, Instant viewedAt) {
}
