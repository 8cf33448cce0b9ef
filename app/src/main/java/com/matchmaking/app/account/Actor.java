package com.matchmaking.app.account;

import com.matchmaking.schema.account.Role;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: an account id, its kind and its roles as they are now in the database (not as they were when
 * the token was issued), so a role change or removal takes effect on the very next request.
 */
public record Actor(UUID accountId, AccountKind kind, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isMember() {
        return kind == AccountKind.MEMBER;
    }

    /** The role to record in event metadata: MEMBER, or the staff roles joined. */
    public String auditRole() {
        return roles.stream().map(Enum::name).sorted().reduce((a, b) -> a + "+" + b).orElse("NONE");
    }
}
