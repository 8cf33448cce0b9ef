package com.matchmaking.schema.retention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Tell a member who has been inactive too long that they will be erased at {@code dueAt} unless they come back. */
public record IssueRetentionNotice(@TargetAggregateIdentifier UUID memberId, Instant lastActiveAt, Instant issuedAt,
                                   Instant dueAt) {
}
