package com.matchmaking.schema.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The coarsest grain the service needs: whether the ID number checked out, and its masked form for the member. */
@Revision("1")
public record IdNumberVerified(@DataSubjectId UUID memberId,
                               @PersonalData(group = KeyGroups.SENSITIVE, purpose = DataPurposes.IDENTITY_VERIFICATION) String maskedIdNumber,
                               @PersonalData(group = KeyGroups.SENSITIVE, purpose = DataPurposes.IDENTITY_VERIFICATION) Boolean verified,
                               @NotPersonal Instant verifiedAt) {
}
