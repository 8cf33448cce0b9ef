package com.matchmaking.app.account;

import com.matchmaking.schema.account.Role;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the database says now (not as it said when the token was issued), so a role change, a
 * suspension or an expired training takes effect on the very next request.
 *
 * @param memberDataAllowed for staff: not suspended, confidentiality agreement signed and privacy training current;
 *                          members always see their own data
 * @param mustChangePassword the bootstrap administrator before changing the configured password: nothing but
 *                           {@code changePassword} is open
 */
public record Actor(UUID accountId, AccountKind kind, Set<Role> roles, boolean suspended, boolean memberDataAllowed,
                    boolean mustChangePassword) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public Actor(UUID accountId, AccountKind kind, Set<Role> roles, boolean suspended, boolean memberDataAllowed) {
        this(accountId, kind, roles, suspended, memberDataAllowed, false);
    }

    /** A member acting on their own behalf. */
    public static Actor member(UUID memberId) {
        return new Actor(memberId, AccountKind.MEMBER, Set.of(Role.MEMBER), false, true);
    }

    public boolean isMember() {
        return kind == AccountKind.MEMBER;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The role to record in event metadata: MEMBER, or the staff roles joined. */
    public String auditRole() {
        return roles.stream().map(Enum::name).sorted().reduce((a, b) -> a + "+" + b).orElse("NONE");
    }
}
