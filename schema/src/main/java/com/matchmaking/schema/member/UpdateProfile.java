package com.matchmaking.schema.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Change some profile fields: the patch says which, and with what. */
public record UpdateProfile(@TargetAggregateIdentifier UUID memberId, ProfilePatch patch, Instant updatedAt) {
}
