package com.matchmaking.app.risk;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import org.springframework.stereotype.Component;

/**
 * Called after a staff access is recorded and before its data is returned: if the access tripped a risk rule, the
 * account is already suspended (same transaction) and the caller gets a refusal instead of the data.
 */
@Component
public class StaffAccessCheck {

    private final Logins logins;

    StaffAccessCheck(Logins logins) {
        this.logins = logins;
    }

    public void stillAllowed(Actor actor) {
        if (actor.isMember()) {
            return;
        }
        boolean suspended = logins.actor(actor.accountId()).map(Actor::suspended).orElse(true);
        if (suspended) {
            throw RequestRejectedException.forbidden(MessageKey.ACCOUNT_SUSPENDED_BY_RISK);
        }
    }
}
