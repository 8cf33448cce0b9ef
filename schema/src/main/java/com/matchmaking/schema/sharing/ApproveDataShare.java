package com.matchmaking.schema.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Compliance approves a share the member consented to; the approver must not be the requester. */
public record ApproveDataShare(@TargetAggregateIdentifier UUID memberId, UUID shareId, UUID approverId, Instant approvedAt) {
}
