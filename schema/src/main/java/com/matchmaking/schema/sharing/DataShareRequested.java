package com.matchmaking.schema.sharing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Staff asked to share some of the member's fields with a third party. Who receives them and why is free text about
 * the member, so both are encrypted under the member's key and go with them on erasure; which fields, who asked and
 * when stay readable for the register.
 */
@Revision("1")
public record DataShareRequested(@DataSubjectId UUID memberId,
                                 @NotPersonal("a share id") UUID shareId,
                                 @NotPersonal("a staff id") UUID requesterId,
                                 @NotPersonal("a role name") String requesterRole,
                                 @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.THIRD_PARTY_SHARING) String recipient,
                                 @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.THIRD_PARTY_SHARING) String statedPurpose,
                                 @NotPersonal("field names of a fixed list") Set<ProfileField> fields,
                                 @NotPersonal Instant requestedAt) {
}
