package com.matchmaking.app.security;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.account.Role;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one authorisation table: which roles may call each GraphQL operation. Enforced on every top-level field by
 * {@link AccessPolicyInstrumentation}; an operation missing from the table is refused for everyone, so a new
 * operation is closed until it is listed here. The tests enumerate this table.
 */
public final class AccessPolicy {

    /** Who may call an operation: anyone, or an authenticated caller holding one of the roles. */
    public record Rule(boolean open, Set<Role> roles) {

        static Rule anyone() {
            return new Rule(true, Set.of());
        }

        static Rule roles(Role first, Role... rest) {
            return new Rule(false, Collections.unmodifiableSet(EnumSet.of(first, rest)));
        }

        public boolean allows(Actor actor) {
            return open || (actor != null && actor.roles().stream().anyMatch(roles::contains));
        }
    }

    private static final Map<String, Rule> OPERATIONS = new LinkedHashMap<>();

    static {
        open("Query.privacyPolicy");
        open("Mutation.login");
        open("Mutation.registerMember");

        member("Query.me");
        member("Query.myDataExport");
        member("Query.myErasureStatus");
        member("Query.myConsents");
        member("Mutation.updateMyProfile");
        member("Mutation.updateMyPreferences");
        member("Mutation.requestErasure");
        member("Mutation.cancelErasure");
        member("Mutation.grantConsent");
        member("Mutation.withdrawConsent");
    }

    private AccessPolicy() {
    }

    private static void open(String operation) {
        OPERATIONS.put(operation, Rule.anyone());
    }

    private static void member(String operation) {
        OPERATIONS.put(operation, Rule.roles(Role.MEMBER));
    }

    /** Every listed operation ("Type.field") with its rule, in declaration order. */
    public static Map<String, Rule> operations() {
        return Collections.unmodifiableMap(OPERATIONS);
    }

    public static Optional<Rule> ruleFor(String operation) {
        return Optional.ofNullable(OPERATIONS.get(operation));
    }

    /**
     * Refuses the call unless the table allows it: {@code UNAUTHORIZED} for an anonymous caller of a closed
     * operation, {@code FORBIDDEN} for a caller without the role, and for an operation not in the table.
     */
    static void check(String operation, Actor actor) {
        Rule rule = OPERATIONS.get(operation);
        if (rule == null) {
            throw RequestRejectedException.forbidden("Operation is not open to any role");
        }
        if (rule.allows(actor)) {
            return;
        }
        if (actor == null) {
            throw RequestRejectedException.unauthorized("Log in to use this operation");
        }
        throw RequestRejectedException.forbidden("Your role may not use this operation");
    }
}
