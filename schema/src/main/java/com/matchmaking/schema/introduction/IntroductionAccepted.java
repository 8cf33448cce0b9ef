package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** One member accepted. */
@Revision("1")
public record IntroductionAccepted(@DataSubjectId UUID introductionId,
                                   @NotPersonal("a member id") UUID memberId,
                                   @NotPersonal Instant acceptedAt) {
}
