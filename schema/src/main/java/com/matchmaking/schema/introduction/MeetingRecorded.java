package com.matchmaking.schema.introduction;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A meeting of the two; when and where two people meet is personal, under the introduction's key. */
@Revision("1")
public record MeetingRecorded(@DataSubjectId UUID introductionId,
                              @NotPersonal("a meeting id") UUID meetingId,
                              @NotPersonal("a staff id") UUID staffId,
                              @PersonalData(group = KeyGroups.INTRODUCTION, purpose = DataPurposes.MATCHMAKING) Instant meetingAt,
                              @PersonalData(group = KeyGroups.INTRODUCTION, purpose = DataPurposes.MATCHMAKING) String place,
                              @NotPersonal Instant recordedAt) {
}
