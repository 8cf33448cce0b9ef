package com.matchmaking.app.erasure;

import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.retention.RetentionState;
import com.matchmaking.schema.erasure.CancelErasure;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.erasure.RequestErasure;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.purpose.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A member's right to erasure: ask, change their mind during the cooling-off period, see where it stands. */
@Controller
class ErasureController {

    record ErasureStatus(String state, Instant requestedAt, Instant dueAt, ErasureReceipts.Receipt receipt,
                         boolean legalHold, RetentionState.RetentionNoticeState retentionNotice) {
    }

    private record ErasureAndRetention(ErasureState erasure, RetentionState retention) {
    }

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final ErasureReceipts receipts;
    private final MatchmakingProperties properties;
    private final Messages messages;
    private final Clock clock;

    ErasureController(AuditedCommands commands, SubjectHistory history, ErasureReceipts receipts,
                      MatchmakingProperties properties, Messages messages, Clock clock) {
        this.messages = messages;
        this.commands = commands;
        this.history = history;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
    }

    @MutationMapping
    ErasureStatus requestErasure(@ContextValue Actor actor) {
        Instant now = clock.instant();
        Duration grace = properties.erasure().gracePeriod();
        commands.send(new RequestErasure(actor.accountId(), now, now.plus(grace)), actor, Purpose.ERASURE_REQUEST);
        // Under a legal hold the request is recorded and waits: the scheduler erases once the hold is lifted.
        if (grace.isZero() || grace.isNegative()) {
            // The scheduler may erase the member between the request and here: then the receipt is already there.
            var receipt = receipts.forMember(actor.accountId());
            if (receipt.isEmpty() && own(actor, RetentionState.VIEW).legalHold() != null) {
                return myErasureStatus(actor);
            }
            if (receipt.isEmpty()) {
                try {
                    commands.send(new EraseMember(actor.accountId(), now), actor, Purpose.ERASURE_REQUEST);
                } catch (RequestRejectedException raced) {
                    receipts.forMember(actor.accountId()).orElseThrow(() -> raced);
                }
                receipt = receipts.forMember(actor.accountId());
            }
            var erased = receipt.orElseThrow();
            return new ErasureStatus("ERASED", erased.requestedAt(), erased.erasedAt(), erased, false, null);
        }
        return myErasureStatus(actor);
    }

    @MutationMapping
    ErasureStatus cancelErasure(@ContextValue Actor actor) {
        commands.send(new CancelErasure(actor.accountId(), clock.instant()), actor, Purpose.ERASURE_CANCEL);
        return myErasureStatus(actor);
    }

    @QueryMapping
    ErasureStatus myErasureStatus(@ContextValue Actor actor) {
        var status = own(actor, HistoryView.combine(ErasureState.VIEW, RetentionState.VIEW, ErasureAndRetention::new));
        var erasure = status.erasure();
        return new ErasureStatus(erasure.state(), erasure.requestedAt(), erasure.dueAt(),
                receipts.forMember(actor.accountId()).orElse(null), status.retention().legalHold() != null,
                status.retention().retentionNotice());
    }

    /** The receipt in words, in the reader's language: when, what was destroyed, and why. */
    @SchemaMapping(typeName = "ErasureReceipt", field = "summary")
    String summary(ErasureReceipts.Receipt receipt, Locale locale) {
        String cause = messages.label("receipt.cause." + receipt.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                locale);
        MessageKey summary = receipt.loginRemoved() ? MessageKey.RECEIPT_SUMMARY : MessageKey.RECEIPT_SUMMARY_NO_LOGIN;
        String text = messages.text(summary, locale, Languages.dateTime(receipt.erasedAt(), locale),
                receipt.keyGroupsDestroyed().size(), receipt.snapshotsDeleted(), cause);
        if (receipt.reappliedAt() == null) {
            return text;
        }
        return text + messages.text(MessageKey.NOTICE_SENTENCE_SEPARATOR, locale)
                + messages.text(MessageKey.RECEIPT_REAPPLIED, locale, Languages.dateTime(receipt.reappliedAt(), locale));
    }

    /** The retention notice in words, in the member's language. */
    @SchemaMapping(typeName = "RetentionNotice", field = "message")
    String retentionMessage(RetentionState.RetentionNoticeState notice, Locale locale) {
        return messages.text(MessageKey.RETENTION_NOTICE_TEXT, locale,
                Languages.dateTime(notice.lastActiveAt(), locale), Languages.dateTime(notice.dueAt(), locale));
    }

    /** Compliance: the receipt of an erased member (ids, times, key groups and counts; nothing personal). */
    @QueryMapping
    ErasureReceipts.Receipt erasureReceipt(@Argument UUID memberId) {
        return receipts.forMember(memberId)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_ERASURE_RECEIPT));
    }

    /** The caller's own log through the view; an account with no member behind it is not found, as ever. */
    private <R> R own(Actor actor, HistoryView<R> view) {
        return history.read(actor.accountId(), view)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }
}
