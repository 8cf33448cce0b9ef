package com.matchmaking.schema.leakreport;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record CloseLeakCase(@TargetAggregateIdentifier UUID reportId, UUID closedBy, LeakCaseOutcome outcome, String note,
                            Instant closedAt) {
}
