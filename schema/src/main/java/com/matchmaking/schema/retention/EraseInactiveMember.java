package com.matchmaking.schema.retention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Erase a member whose retention notice has run out; refused under a legal hold. */
public record EraseInactiveMember(@TargetAggregateIdentifier UUID memberId, Instant erasedAt) {
}
