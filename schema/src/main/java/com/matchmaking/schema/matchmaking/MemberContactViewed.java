package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An access event: the other member of a confirmed introduction saw this member's phone and WeChat id. */
@Revision("1")
public record MemberContactViewed(@DataSubjectId UUID memberId,
                                  @NotPersonal("a member id") UUID viewerMemberId,
                                  @NotPersonal("an introduction id") UUID introductionId,
                                  @NotPersonal Instant viewedAt) {
}
