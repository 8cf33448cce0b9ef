package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Customer service records a consultation with a member. */
public record AddConsultationNote(@TargetAggregateIdentifier UUID memberId, UUID noteId, UUID staffId, String text, Instant addedAt) {
}
