package com.matchmaking.schema.leakreport;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record LeakCaseNoteAdded(@DataSubjectId UUID reportId, @NotPersonal("a compliance officer's id") UUID authorId,
                                @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING) String note,
                                @NotPersonal Instant addedAt) {
}
