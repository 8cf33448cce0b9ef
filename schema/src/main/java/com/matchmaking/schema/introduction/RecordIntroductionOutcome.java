package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The matchmaker records where the two stand. */
public record RecordIntroductionOutcome(@TargetAggregateIdentifier UUID introductionId, UUID staffId, IntroductionOutcome outcome, Instant recordedAt) {
}
