package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Customer service suspends a member from matching (a complaint, a check pending), with a reason. */
public record SuspendMember(@TargetAggregateIdentifier UUID memberId, UUID staffId, String reason, Instant suspendedAt) {
}
