package com.matchmaking.schema.access;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An access event: a staff member opened the member's profile as their role's read model shows it. */
@Revision("1")
public record MemberProfileViewed(@DataSubjectId UUID memberId,
                                  @NotPersonal("a staff id") UUID staffId,
                                  @NotPersonal("a role name") String staffRole,
                                  @NotPersonal Instant viewedAt) {
}
