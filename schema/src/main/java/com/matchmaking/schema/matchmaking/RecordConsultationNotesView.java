package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a staff member read a member's consultation notes. */
public record RecordConsultationNotesView(@TargetAggregateIdentifier UUID memberId, UUID staffId, String staffRole, Instant viewedAt) {
}
