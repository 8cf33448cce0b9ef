package com.matchmaking.schema.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a compliance officer is reading a member's audit trail. Recorded before the trail is read. */
public record RecordAuditTrailView(@TargetAggregateIdentifier UUID memberId, UUID staffId, String staffRole, Instant from,
                                   Instant to, Instant viewedAt) {
}
