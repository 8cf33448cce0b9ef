package com.matchmaking.schema.staff;

import com.matchmaking.schema.account.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Create a staff account. The password arrives hashed; the username is normalised. */
public record CreateStaff(@TargetAggregateIdentifier UUID staffId, String username, String displayName, String passwordHash,
                          Set<Role> roles, Instant createdAt) {
    public CreateStaff {
        roles = Set.copyOf(roles);
    }
}
