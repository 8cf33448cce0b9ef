package com.matchmaking.schema.matchmaking;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * An access event: a staff member was shown the decrypted records of an introduction the member is part of (the
 * matchmaker's note, the meetings, both sides' feedback). Stored on each party still registered.
 */
@Revision("1")
public record IntroductionRecordsViewed(@DataSubjectId UUID memberId,
                                        @NotPersonal("an introduction id") UUID introductionId,
                                        @NotPersonal("a staff id") UUID staffId,
                                        @NotPersonal("a role name") String staffRole,
                                        @NotPersonal Instant viewedAt) {
}
