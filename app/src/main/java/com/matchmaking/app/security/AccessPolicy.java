package com.matchmaking.app.security;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.OperationRule;

/**
 * Enforces the operations part of {@link AuthorizationTable} for one call: an operation missing from the table is
 * closed to everyone; a suspended account may do nothing; staff touch members' personal data only with a signed
 * confidentiality agreement and current privacy training.
 */
final class AccessPolicy {

    /** The one operation open to an account that must change its password first. */
    static final String CHANGE_PASSWORD = "Mutation.changePassword";

    private AccessPolicy() {
    }

    /**
     * Refuses the call unless the table allows it: {@code UNAUTHORIZED} for an anonymous caller of a closed
     * operation, {@code FORBIDDEN} otherwise.
     */
    static void check(String operation, Actor actor) {
        OperationRule rule = AuthorizationTable.operation(operation)
                .orElseThrow(() -> RequestRejectedException.forbidden(MessageKey.OPERATION_CLOSED));
        if (rule.open()) {
            return;
        }
        if (actor == null) {
            throw RequestRejectedException.unauthorized(MessageKey.LOGIN_REQUIRED);
        }
        if (actor.mustChangePassword() && !CHANGE_PASSWORD.equals(operation)) {
            throw RequestRejectedException.forbidden(MessageKey.MUST_CHANGE_PASSWORD);
        }
        if (actor.suspended()) {
            throw RequestRejectedException.forbidden(MessageKey.ACCOUNT_SUSPENDED);
        }
        if (!rule.allows(actor.roles())) {
            throw RequestRejectedException.forbidden(MessageKey.ROLE_FORBIDDEN);
        }
        if (rule.memberData() && !actor.memberDataAllowed()) {
            throw RequestRejectedException.forbidden(MessageKey.STAFF_TRAINING_REQUIRED);
        }
    }
}
