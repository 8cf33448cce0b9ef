package com.matchmaking.schema.staff;

import com.matchmaking.schema.account.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record ChangeStaffRoles(@TargetAggregateIdentifier UUID staffId, Set<Role> roles, Instant changedAt) {
    public ChangeStaffRoles {
        roles = Set.copyOf(roles);
    }
}
