package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** One of the two was erased. The introduction's key goes next, so nothing personal about either is left in it. */
@Revision("1")
public record IntroductionPartyErased(@DataSubjectId UUID introductionId,
                                      @NotPersonal("a member id") UUID erasedMemberId,
                                      @NotPersonal Instant closedAt) {
}
