package com.matchmaking.schema.access;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An access event: everything held about the member was exported. Who asked is in the event's metadata. */
@Revision("1")
public record MemberDataExported(@DataSubjectId UUID memberId, @NotPersonal Instant exportedAt) {
}
