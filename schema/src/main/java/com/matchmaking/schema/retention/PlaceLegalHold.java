package com.matchmaking.schema.retention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Keep a member's data: no erasure (requested or for inactivity) happens while the hold stands. */
public record PlaceLegalHold(@TargetAggregateIdentifier UUID memberId, String reason, UUID placedBy, Instant placedAt) {
}
