package com.matchmaking.app.consent;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.audit.AuditedCommands;
import com.matchmaking.app.member.MemberHistory;
import com.matchmaking.app.policy.PrivacyPolicies;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.policy.AcceptPrivacyPolicy;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.List;

/**
 * The consent ledger, member side: accepting the current privacy policy, and the whole history of what the member
 * consented to, withdrew, accepted and answered, read from their own events. (Granting and withdrawing the separate
 * consents are {@code grantConsent} and {@code withdrawConsent}, one call each.)
 */
@Controller
class ConsentLedgerController {

    record PolicyAcceptance(String acceptedVersion, String currentVersion, boolean upToDate) {
    }

    private final AuditedCommands commands;
    private final MemberHistory history;
    private final PrivacyPolicies policies;
    private final Clock clock;

    ConsentLedgerController(AuditedCommands commands, MemberHistory history, PrivacyPolicies policies, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.policies = policies;
        this.clock = clock;
    }

    @MutationMapping
    PolicyAcceptance acceptPrivacyPolicy(@Argument String version, @ContextValue Actor actor) {
        String current = policies.currentVersion();
        if (version == null || !version.strip().equals(current)) {
            throw RequestRejectedException.badRequest(MessageKey.POLICY_VERSION_MUST_BE_CURRENT, current);
        }
        commands.send(new AcceptPrivacyPolicy(actor.accountId(), current, clock.instant()), actor, "privacy-policy-acceptance");
        String accepted = history.load(actor.accountId()).policyVersion();
        return new PolicyAcceptance(accepted, current, current.equals(accepted));
    }

    @QueryMapping
    List<MemberHistory.ConsentEntry> myConsentHistory(@ContextValue Actor actor) {
        return history.load(actor.accountId()).consentLedger();
    }
}
