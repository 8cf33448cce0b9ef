package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A member takes a break: no suggestions of them, to them or about them until they resume. */
public record PauseMatching(@TargetAggregateIdentifier UUID memberId, Instant pausedAt) {
}
