package com.matchmaking.schema.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * A member accepts a version of the privacy policy (the current one; the controller checks), as shown to them in
 * {@code language}, whose exact text hashes to {@code textHash}.
 */
public record AcceptPrivacyPolicy(@TargetAggregateIdentifier UUID memberId, String version, Instant acceptedAt,
                                  String language, String textHash) {
}
