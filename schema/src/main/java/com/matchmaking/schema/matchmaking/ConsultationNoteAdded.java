package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A consultation note, encrypted under the member's key: visible to customer service and in the member's export, gone on erasure. */
@Revision("1")
public record ConsultationNoteAdded(@DataSubjectId UUID memberId,
                                    @NotPersonal("a note id") UUID noteId,
                                    @NotPersonal("a staff id") UUID staffId,
                                    @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.CUSTOMER_CARE) String text,
                                    @NotPersonal Instant addedAt) {
}
