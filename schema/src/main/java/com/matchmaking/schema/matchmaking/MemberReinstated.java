package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A suspended member is back in matching. */
@Revision("1")
public record MemberReinstated(@DataSubjectId UUID memberId,
                               @NotPersonal("a staff id") UUID staffId,
                               @NotPersonal Instant reinstatedAt) {
}
