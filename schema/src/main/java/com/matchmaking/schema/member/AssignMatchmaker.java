package com.matchmaking.schema.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Put a member in a matchmaker's care; {@code matchmakerId} null returns the member to the unassigned pool. */
public record AssignMatchmaker(@TargetAggregateIdentifier UUID memberId, UUID matchmakerId, Instant assignedAt) {
}
