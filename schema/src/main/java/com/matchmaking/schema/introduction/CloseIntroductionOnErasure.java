package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** One of the two was erased: the introduction ends and its key is destroyed. */
public record CloseIntroductionOnErasure(@TargetAggregateIdentifier UUID introductionId, UUID erasedMemberId, Instant closedAt) {
}
