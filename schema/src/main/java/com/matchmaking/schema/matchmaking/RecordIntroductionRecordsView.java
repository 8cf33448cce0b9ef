package com.matchmaking.schema.matchmaking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a staff member was shown the records of an introduction the member is part of. */
public record RecordIntroductionRecordsView(@TargetAggregateIdentifier UUID memberId, UUID introductionId, UUID staffId,
                                            String staffRole, Instant viewedAt) {
}
