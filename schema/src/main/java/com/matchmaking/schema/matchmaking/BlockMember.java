package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A member blocks another: they are never suggested to or introduced to each other again. */
public record BlockMember(@TargetAggregateIdentifier UUID memberId, UUID blockedMemberId, Instant blockedAt) {
}
