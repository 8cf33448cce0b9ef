package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Ends an open or confirmed introduction because of something in one member's own log (they blocked the other, or
 * were suspended): contact stops flowing both ways. Why stays in that member's log, under their key.
 */
public record EndIntroduction(@TargetAggregateIdentifier UUID introductionId, UUID memberId, Instant endedAt) {
}
