package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An introduction was proposed. It is its own data subject: the note, meetings and feedback are under the introduction's key, which is destroyed when either member is erased. */
@Revision("1")
public record IntroductionProposed(@DataSubjectId UUID introductionId,
                                   @NotPersonal("a member id") UUID memberA,
                                   @NotPersonal("a member id") UUID memberB,
                                   @NotPersonal("a staff id") UUID matchmakerId,
                                   @PersonalData(group = KeyGroups.INTRODUCTION, purpose = DataPurposes.MATCHMAKING) String note,
                                   @NotPersonal Instant proposedAt) {
}
