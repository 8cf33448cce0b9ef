package com.matchmaking.app.consent;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.policy.PrivacyNotices;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.policy.AcceptPrivacyPolicy;
import com.matchmaking.schema.purpose.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The consent ledger, member side: accepting the current privacy policy, and the whole history of what the member
 * consented to, withdrew, accepted and answered, read from their own events. (Granting and withdrawing the separate
 * consents are {@code grantConsent} and {@code withdrawConsent}, one call each.)
 */
@Controller
class ConsentLedgerController {

    record PolicyAcceptance(String acceptedVersion, String currentVersion, boolean upToDate, String language,
                            String textHash) {
    }

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final PrivacyNotices notices;
    private final Clock clock;

    ConsentLedgerController(AuditedCommands commands, SubjectHistory history, PrivacyNotices notices, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.notices = notices;
        this.clock = clock;
    }

    @MutationMapping
    PolicyAcceptance acceptPrivacyPolicy(@Argument String version, @Argument String language, @Argument String textHash,
                                         @ContextValue Actor actor, Locale locale) {
        // What the member was shown: the current version in their language, whose exact text the hash pins down.
        PrivacyNotices.Rendered shown = notices.current(Languages.chosen(language, locale));
        String current = shown.version();
        if (version == null || !version.strip().equals(current)) {
            throw RequestRejectedException.badRequest(MessageKey.POLICY_VERSION_MUST_BE_CURRENT, current);
        }
        if (textHash != null && !textHash.strip().equals(shown.textHash())) {
            throw RequestRejectedException.conflict(MessageKey.POLICY_TEXT_CHANGED);
        }
        commands.send(new AcceptPrivacyPolicy(actor.accountId(), current, clock.instant(), shown.language(),
                shown.textHash()), actor, Purpose.PRIVACY_POLICY_ACCEPTANCE);
        ConsentViews.PolicyAcceptance accepted = own(actor, ConsentViews.POLICY_ACCEPTANCE);
        return new PolicyAcceptance(accepted.version(), current, current.equals(accepted.version()),
                accepted.language(), accepted.textHash());
    }

    @QueryMapping
    List<ConsentViews.ConsentEntry> myConsentHistory(@ContextValue Actor actor) {
        return own(actor, ConsentViews.LEDGER);
    }

    /** The caller's own log through the view; an account with no member behind it is not found, as ever. */
    private <R> R own(Actor actor, HistoryView<R> view) {
        return history.read(actor.accountId(), view)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }
}
