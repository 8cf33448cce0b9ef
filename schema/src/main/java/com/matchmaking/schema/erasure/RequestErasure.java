package com.matchmaking.schema.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Ask for erasure; it happens at {@code dueAt}, after the cooling-off period, unless cancelled before. */
public record RequestErasure(@TargetAggregateIdentifier UUID memberId, Instant requestedAt, Instant dueAt) {
}
