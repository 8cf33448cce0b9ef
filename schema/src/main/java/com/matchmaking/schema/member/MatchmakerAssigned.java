package com.matchmaking.schema.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Who looks after the member now; {@code matchmakerId} null: nobody, the member is back in the pool. */
@Revision("1")
public record MatchmakerAssigned(@DataSubjectId UUID memberId,
                                 @NotPersonal("a staff id") UUID matchmakerId,
                                 @NotPersonal Instant assignedAt) {
}
