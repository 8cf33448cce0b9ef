package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The member resumed matching. */
@Revision("1")
public record MatchingResumed(@DataSubjectId UUID memberId, @NotPersonal Instant resumedAt) {
}
