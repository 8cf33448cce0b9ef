package com.matchmaking.schema.retention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record ReleaseLegalHold(@TargetAggregateIdentifier UUID memberId, UUID releasedBy, Instant releasedAt) {
}
