package com.matchmaking.schema.consent;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record ConsentWithdrawn(@DataSubjectId UUID memberId,
                               @NotPersonal ConsentPurpose purpose,
                               @NotPersonal Instant withdrawnAt) {
}
