package com.matchmaking.schema.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record PreferencesUpdated(@DataSubjectId UUID memberId,
                                 @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) PartnerPreferences preferences,
                                 @NotPersonal Instant updatedAt) {
}
