package com.matchmaking.schema.retention;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The notice before an erasure for inactivity: the member is erased at {@code dueAt} unless they come back. */
@Revision("1")
public record RetentionNoticeIssued(@DataSubjectId UUID memberId, @NotPersonal Instant lastActiveAt,
                                    @NotPersonal Instant issuedAt, @NotPersonal Instant dueAt) {
}
