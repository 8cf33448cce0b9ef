package com.matchmaking.app.consent;

import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.consent.GrantConsent;
import com.matchmaking.schema.consent.WithdrawConsent;
import com.matchmaking.schema.member.MemberRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The purposes a member consents to, inside the member aggregate: a consent is granted or withdrawn once each. Other
 * rules of the member (an income band, an ID number) ask {@link #given} before they go ahead.
 */
public class MemberConsents {

    private Set<ConsentPurpose> given = EnumSet.noneOf(ConsentPurpose.class);

    public MemberConsents() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    /** Whether the member consents to the purpose now. */
    public boolean given(ConsentPurpose purpose) {
        return given.contains(purpose);
    }

    @CommandHandler
    void handle(GrantConsent command) {
        if (!given.contains(command.purpose())) {
            apply(new ConsentGranted(command.memberId(), command.purpose(), command.policyVersion(), command.grantedAt()));
        }
    }

    /**
     * Withdraws the consent if it was given, and says whether it was. Called by the member aggregate, which goes on
     * to stop what depended on the consent (the shares waiting on consent to third-party sharing).
     */
    public boolean withdraw(WithdrawConsent command) {
        if (!given.contains(command.purpose())) {
            return false;
        }
        apply(new ConsentWithdrawn(command.memberId(), command.purpose(), command.withdrawnAt()));
        return true;
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        given = event.consents().isEmpty() ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(event.consents());
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        given.add(event.purpose());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        given.remove(event.purpose());
    }
}
