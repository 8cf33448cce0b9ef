package com.matchmaking.schema.leakreport;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record StartLeakInvestigation(@TargetAggregateIdentifier UUID reportId, UUID investigatorId, Instant startedAt) {
}
