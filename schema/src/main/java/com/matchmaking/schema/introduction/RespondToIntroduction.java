package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** One of the two members accepts or declines. */
public record RespondToIntroduction(@TargetAggregateIdentifier UUID introductionId, UUID memberId, boolean accept, Instant respondedAt) {
}
