package com.matchmaking.schema.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a staff member is about to see one unmasked field, and why. Recorded before the value is read. */
public record RevealMemberField(@TargetAggregateIdentifier UUID memberId, UUID staffId, String staffRole, MemberField field,
                                String reason, Instant revealedAt) {
}
