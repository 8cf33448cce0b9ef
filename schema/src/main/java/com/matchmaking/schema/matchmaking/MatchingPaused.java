package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The member paused matching. */
@Revision("1")
public record MatchingPaused(@DataSubjectId UUID memberId, @NotPersonal Instant pausedAt) {
}
