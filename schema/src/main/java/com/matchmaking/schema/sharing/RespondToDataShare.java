package com.matchmaking.schema.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The member gives ({@code consent}) or refuses their separate consent to one share. */
public record RespondToDataShare(@TargetAggregateIdentifier UUID memberId, UUID shareId, boolean consent, Instant at) {
}
