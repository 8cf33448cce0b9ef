package com.matchmaking.schema.leakreport;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** File a report of a suspected leak or misuse; the report is its own data subject, so its key protects the reporter. */
public record FileLeakReport(@TargetAggregateIdentifier UUID reportId, UUID reporterId, LeakCategory category,
                             String description, UUID suspectedStaffId, UUID concernedMemberId, Instant filedAt) {
}
