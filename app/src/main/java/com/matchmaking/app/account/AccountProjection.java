package com.matchmaking.app.account;

import com.matchmaking.app.member.LoginAvailability;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps the login table in step with member events, in the same transaction as the event (a subscribing processor
 * whose errors roll the command back): a member can log in the moment registration returns, a changed email logs in
 * at once. Erasure removes the login through {@link Logins#remove}.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
class AccountProjection implements LoginAvailability {

    static final String GROUP = "accounts";

    private final AccountRepository accounts;
    private final LoginNames loginNames;

    AccountProjection(AccountRepository accounts, LoginNames loginNames) {
        this.accounts = accounts;
        this.loginNames = loginNames;
    }

    @Override
    public boolean isAvailable(String email, UUID memberId) {
        return !accounts.loginTakenByOther(loginNames.indexOf(email), memberId);
    }

    @EventHandler
    void on(MemberRegistered event) {
        if (event.profile().email() == null || event.passwordHash() == null) {
            return; // Replaying an erased member: nothing left to log in with.
        }
        try {
            accounts.insert(event.memberId(), AccountKind.MEMBER, loginNames.indexOf(event.profile().email()),
                    event.passwordHash(), Set.of(Role.MEMBER), event.registeredAt());
        } catch (DuplicateKeyException raced) {
            throw new LoginTakenException();
        }
    }

    @EventHandler
    void on(ProfileUpdated event) {
        if (!event.changedFields().contains(ProfileField.EMAIL) || event.profile().email() == null) {
            return;
        }
        try {
            accounts.changeLoginIndex(event.memberId(), loginNames.indexOf(event.profile().email()));
        } catch (DuplicateKeyException raced) {
            throw new LoginTakenException();
        }
    }
}
