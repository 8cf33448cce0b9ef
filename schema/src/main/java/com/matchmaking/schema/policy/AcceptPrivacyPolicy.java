package com.matchmaking.schema.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** A member accepts a version of the privacy policy (the current one; the controller checks). */
public record AcceptPrivacyPolicy(@TargetAggregateIdentifier UUID memberId, String version, Instant acceptedAt) {
}
