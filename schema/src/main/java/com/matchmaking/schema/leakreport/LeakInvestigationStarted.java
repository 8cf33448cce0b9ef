package com.matchmaking.schema.leakreport;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record LeakInvestigationStarted(@DataSubjectId UUID reportId, @NotPersonal("a compliance officer's id") UUID investigatorId,
                                       @NotPersonal Instant startedAt) {
}
