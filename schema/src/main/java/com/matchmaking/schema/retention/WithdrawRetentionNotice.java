package com.matchmaking.schema.retention;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The member came back (or was put on legal hold): the retention notice no longer stands. */
public record WithdrawRetentionNotice(@TargetAggregateIdentifier UUID memberId, Instant withdrawnAt) {
}
