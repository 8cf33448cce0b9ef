package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** One of the two members says how it went. */
public record GiveIntroductionFeedback(@TargetAggregateIdentifier UUID introductionId, UUID memberId, String text, Instant givenAt) {
}
