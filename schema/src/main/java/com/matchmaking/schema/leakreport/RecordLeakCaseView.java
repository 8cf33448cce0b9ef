package com.matchmaking.schema.leakreport;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that compliance opened a report in full. */
public record RecordLeakCaseView(@TargetAggregateIdentifier UUID reportId, UUID viewerId, Instant viewedAt) {
}
