package com.matchmaking.schema.leakreport;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record AddLeakCaseNote(@TargetAggregateIdentifier UUID reportId, UUID authorId, String note, Instant addedAt) {
}
