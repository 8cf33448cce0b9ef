package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** One member withdrew from a confirmed introduction: it is over, and neither sees the other's contact any more. */
@Revision("1")
public record IntroductionWithdrawn(@DataSubjectId UUID introductionId,
                                    @NotPersonal("a member id") UUID memberId,
                                    @NotPersonal Instant withdrawnAt) {
}
