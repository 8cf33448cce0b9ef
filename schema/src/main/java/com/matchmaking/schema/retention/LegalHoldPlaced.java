package com.matchmaking.schema.retention;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A legal hold blocks the member's erasure. The reason is free text about the member: encrypted under their key. */
@Revision("1")
public record LegalHoldPlaced(@DataSubjectId UUID memberId,
                              @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.LEGAL_HOLD) String reason,
                              @NotPersonal("a staff id") UUID placedBy,
                              @NotPersonal Instant placedAt) {
}
