package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The matchmaker records when and where the two met (or will meet). */
public record RecordMeeting(@TargetAggregateIdentifier UUID introductionId, UUID meetingId, UUID staffId, Instant meetingAt, String place, Instant recordedAt) {
}
