package com.matchmaking.app.account;

import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.staff.ConfidentialityAgreementRecorded;
import com.matchmaking.schema.staff.PrivacyTrainingRecorded;
import com.matchmaking.schema.staff.StaffCreated;
import com.matchmaking.schema.staff.StaffReinstated;
import com.matchmaking.schema.staff.StaffRolesChanged;
import com.matchmaking.schema.staff.StaffSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps the login table in step with member and staff events, in the same transaction as the event (a subscribing
 * processor whose errors roll the command back): a member can log in the moment registration returns, a changed
 * email logs in at once, and a role change, suspension, agreement or training counts from the next request. Erasure removes the login through {@link Logins#remove}.
 */
@Component
@InCommandTransaction("A member logs in the moment registration returns, and a taken email is refused atomically by "
        + "the login table's unique index; a role change or suspension counts from the next request")
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
    public boolean isAvailable(String login, UUID accountId) {
        return !accounts.loginTakenByOther(loginNames.indexOf(login), accountId);
    }

    @EventHandler
    void on(MemberRegistered event) {
        if (event.profile().email() == null || event.passwordHash() == null) {
            return; // Replaying an erased member: nothing left to log in with.
        }
        try {
            // One statement: the login and the policy version accepted with it.
            accounts.insert(event.memberId(), AccountKind.MEMBER, loginNames.indexOf(event.profile().email()),
                    event.passwordHash(), Set.of(Role.MEMBER), event.registeredAt(),
                    event.acceptedPrivacyPolicyVersion());
        } catch (DuplicateKeyException raced) {
            throw new LoginTakenException();
        }
    }

    /** The policy version a member last accepted gates their every request (see the security package). */
    @EventHandler
    void on(PrivacyPolicyAccepted event) {
        accounts.acceptPolicy(event.memberId(), event.version());
    }

    @EventHandler
    void on(StaffCreated event, @MetaDataValue("purpose") String purpose) {
        if (event.username() == null || event.passwordHash() == null) {
            return;
        }
        try {
            accounts.insert(event.staffId(), AccountKind.STAFF, loginNames.indexOf(event.username()), event.passwordHash(),
                    event.roles(), event.createdAt());
        } catch (DuplicateKeyException raced) {
            throw new LoginTakenException();
        }
        if (Purpose.BOOTSTRAP_ADMINISTRATOR.code().equals(purpose)) {
            // The configured password sits in an environment variable or a file: it must not stay the password.
            accounts.requirePasswordChange(event.staffId());
        }
    }

    /** A role change ends every session: the next token carries what the account may do now. */
    @EventHandler
    void on(StaffRolesChanged event) {
        accounts.changeRoles(event.staffId(), event.roles());
        accounts.revokeTokens(event.staffId());
    }

    @EventHandler
    void on(StaffSuspended event) {
        accounts.suspend(event.staffId(), true);
        accounts.revokeTokens(event.staffId());
    }

    @EventHandler
    void on(StaffReinstated event) {
        accounts.suspend(event.staffId(), false);
    }

    @EventHandler
    void on(ConfidentialityAgreementRecorded event) {
        accounts.recordAgreement(event.staffId(), event.version(), event.signedOn());
    }

    @EventHandler
    void on(PrivacyTrainingRecorded event) {
        accounts.recordTraining(event.staffId(), event.completedOn());
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
