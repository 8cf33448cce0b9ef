package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Feedback from one side, under the introduction's key. */
@Revision("1")
public record IntroductionFeedbackGiven(@DataSubjectId UUID introductionId,
                                        @NotPersonal("a member id") UUID memberId,
                                        @PersonalData(group = KeyGroups.INTRODUCTION, purpose = DataPurposes.MATCHMAKING) String text,
                                        @NotPersonal Instant givenAt) {
}
