package com.matchmaking.schema.access;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * An access event: a staff member saw one unmasked field. The stated reason is free text about the member, so it is
 * encrypted under the member's key and goes with them on erasure; who, what and when stay.
 */
@Revision("1")
public record MemberFieldRevealed(@DataSubjectId UUID memberId,
                                  @NotPersonal("a staff id") UUID staffId,
                                  @NotPersonal("a role name") String staffRole,
                                  @NotPersonal MemberField field,
                                  @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.ACCOUNTABILITY) String reason,
                                  @NotPersonal Instant revealedAt) {
}
