package com.matchmaking.schema.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that the member's data left the system as an export. */
public record RecordDataExport(@TargetAggregateIdentifier UUID memberId, Instant exportedAt) {
}
