package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A matchmaker assigned to at least one of the two proposes that they meet. */
public record ProposeIntroduction(@TargetAggregateIdentifier UUID introductionId, UUID memberA, UUID memberB, UUID matchmakerId, String note, Instant proposedAt) {
}
