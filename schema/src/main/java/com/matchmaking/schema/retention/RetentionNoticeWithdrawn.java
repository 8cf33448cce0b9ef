package com.matchmaking.schema.retention;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record RetentionNoticeWithdrawn(@DataSubjectId UUID memberId, @NotPersonal Instant withdrawnAt) {
}
