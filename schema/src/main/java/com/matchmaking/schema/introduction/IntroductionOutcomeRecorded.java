package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Where the two stand: continuing, ended or a success. Names both, so projections need no lookup. */
@Revision("1")
public record IntroductionOutcomeRecorded(@DataSubjectId UUID introductionId,
                                          @NotPersonal("a member id") UUID memberA,
                                          @NotPersonal("a member id") UUID memberB,
                                          @NotPersonal("a staff id") UUID staffId,
                                          @NotPersonal IntroductionOutcome outcome,
                                          @NotPersonal Instant recordedAt) {
}
