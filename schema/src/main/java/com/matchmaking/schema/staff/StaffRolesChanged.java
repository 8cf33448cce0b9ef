package com.matchmaking.schema.staff;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.account.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Revision("1")
public record StaffRolesChanged(@DataSubjectId UUID staffId, @NotPersonal Set<Role> roles, @NotPersonal Instant changedAt) {
}
