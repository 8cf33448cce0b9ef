package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Both accepted: from now on each may see the other's phone and WeChat id, every look logged. */
@Revision("1")
public record IntroductionConfirmed(@DataSubjectId UUID introductionId,
                                    @NotPersonal("a member id") UUID memberA,
                                    @NotPersonal("a member id") UUID memberB,
                                    @NotPersonal Instant confirmedAt) {
}
