package com.matchmaking.schema.leakreport;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An access event: a compliance officer read the report, reporter included. */
@Revision("1")
public record LeakCaseViewed(@DataSubjectId UUID reportId, @NotPersonal("a compliance officer's id") UUID viewerId,
                             @NotPersonal Instant viewedAt) {
}
