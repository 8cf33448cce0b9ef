package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** One member declined: the introduction is over, and the two are not suggested to each other again. */
@Revision("1")
public record IntroductionDeclined(@DataSubjectId UUID introductionId,
                                   @NotPersonal("a member id") UUID memberId,
                                   @NotPersonal Instant declinedAt) {
}
