package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A member blocked another. Both are member ids (pseudonyms); who blocked whom is kept out of every staff view. */
@Revision("1")
public record MemberBlocked(@DataSubjectId UUID memberId,
                            @NotPersonal("a member id") UUID blockedMemberId,
                            @NotPersonal Instant blockedAt) {
}
