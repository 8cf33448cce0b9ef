package com.matchmaking.schema.staff;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.account.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Staff are data subjects too: their username and name are encrypted under their own key. */
@Revision("1")
public record StaffCreated(@DataSubjectId UUID staffId,
                           @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.STAFF_ADMINISTRATION, placeholder = PersonalData.ERASED_AS_NULL) String username,
                           @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.STAFF_ADMINISTRATION) String displayName,
                           @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.STAFF_ADMINISTRATION, placeholder = PersonalData.ERASED_AS_NULL) String passwordHash,
                           @NotPersonal("roles of a fixed list") Set<Role> roles,
                           @NotPersonal Instant createdAt) {
}
