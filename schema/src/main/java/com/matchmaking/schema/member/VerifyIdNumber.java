package com.matchmaking.schema.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record the outcome of checking a member's ID number. Only the outcome and the masked number travel: the full
 * number is checked in memory and never stored.
 */
public record VerifyIdNumber(@TargetAggregateIdentifier UUID memberId, String maskedIdNumber, boolean verified,
                             Instant verifiedAt) {
}
