package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An access event: a staff member read the member's consultation notes. */
@Revision("1")
public record ConsultationNotesViewed(@DataSubjectId UUID memberId,
                                      @NotPersonal("a staff id") UUID staffId,
                                      @NotPersonal("a role name") String staffRole,
                                      @NotPersonal Instant viewedAt) {
}
