package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that the other member of a confirmed introduction was shown this member's contact. */
public record RecordContactView(@TargetAggregateIdentifier UUID memberId, UUID viewerMemberId, UUID introductionId, Instant viewedAt) {
}
