package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Customer service lifts a member's suspension. */
public record ReinstateMember(@TargetAggregateIdentifier UUID memberId, UUID staffId, Instant reinstatedAt) {
}
