package com.matchmaking.schema.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record ReinstateStaff(@TargetAggregateIdentifier UUID staffId, Instant reinstatedAt) {
}
