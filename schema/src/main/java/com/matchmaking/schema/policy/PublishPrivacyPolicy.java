package com.matchmaking.schema.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Publish a new version of the privacy policy; it becomes the current one, which members must accept before their
 * next use. {@code policyId} is {@link PrivacyPolicyPublished#idOf(String)} of the version: a version is published once.
 */
public record PublishPrivacyPolicy(@TargetAggregateIdentifier String policyId, String version, String text,
                                   Instant publishedAt) {
}
