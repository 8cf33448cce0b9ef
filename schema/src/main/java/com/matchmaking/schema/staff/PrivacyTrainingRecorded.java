package com.matchmaking.schema.staff;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record PrivacyTrainingRecorded(@DataSubjectId UUID staffId, @NotPersonal LocalDate completedOn,
                                      @NotPersonal Instant recordedAt) {
}
