package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The member is back in matching. */
public record ResumeMatching(@TargetAggregateIdentifier UUID memberId, Instant resumedAt) {
}
