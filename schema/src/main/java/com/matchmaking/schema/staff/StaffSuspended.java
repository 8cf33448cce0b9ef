package com.matchmaking.schema.staff;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record StaffSuspended(@DataSubjectId UUID staffId, @NotPersonal SuspensionReason reason, @NotPersonal Instant suspendedAt) {
}
