package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A member was suspended from matching. The reason is about the member: personal, under their key. */
@Revision("1")
public record MemberSuspended(@DataSubjectId UUID memberId,
                              @NotPersonal("a staff id") UUID staffId,
                              @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.CUSTOMER_CARE) String reason,
                              @NotPersonal Instant suspendedAt) {
}
