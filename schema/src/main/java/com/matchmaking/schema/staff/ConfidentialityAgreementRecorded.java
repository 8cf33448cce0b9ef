package com.matchmaking.schema.staff;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record ConfidentialityAgreementRecorded(@DataSubjectId UUID staffId,
                                               @NotPersonal("an agreement version") String version,
                                               @NotPersonal LocalDate signedOn,
                                               @NotPersonal Instant recordedAt) {
}
