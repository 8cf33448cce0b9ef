package com.matchmaking.schema.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record CancelErasure(@TargetAggregateIdentifier UUID memberId, Instant cancelledAt) {
}
