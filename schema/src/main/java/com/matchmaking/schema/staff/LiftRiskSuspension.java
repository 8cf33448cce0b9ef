package com.matchmaking.schema.staff;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Reinstate a staff account if, and only if, a risk alert suspended it (compliance resolved the alert). */
public record LiftRiskSuspension(@TargetAggregateIdentifier UUID staffId, Instant reinstatedAt) {
}
