package com.matchmaking.app.retention;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.retention.EraseInactiveMember;
import com.matchmaking.schema.retention.IssueRetentionNotice;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import com.matchmaking.schema.retention.PlaceLegalHold;
import com.matchmaking.schema.retention.ReleaseLegalHold;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;
import com.matchmaking.schema.retention.WithdrawRetentionNotice;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How long a member's data is kept, inside the member aggregate: an inactive member gets a retention notice and is
 * erased once it runs out, unless they come back; a legal hold keeps the data whatever else is asked, stops the
 * retention clock, and blocks every erasure but one carried out again from the ledger.
 */
public class MemberRetention {

    private boolean legalHold;
    private Instant noticeIssuedAt;
    private Instant noticeDueAt;
    /** The member's own erasure request is pending: retention leaves that to run its course. */
    private boolean ownErasurePending;

    public MemberRetention() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    /** Refuses an erasure while a legal hold is in place. */
    public void requireNoLegalHold() {
        if (legalHold) {
            throw RequestRejectedException.conflict(MessageKey.LEGAL_HOLD_BLOCKS_ERASURE);
        }
    }

    @CommandHandler
    void handle(IssueRetentionNotice command) {
        requireNoLegalHold();
        if (noticeDueAt != null) {
            throw RequestRejectedException.conflict(MessageKey.RETENTION_NOTICE_PENDING);
        }
        if (ownErasurePending) {
            throw RequestRejectedException.conflict(MessageKey.OWN_ERASURE_PENDING);
        }
        if (command.dueAt().isBefore(command.issuedAt())) {
            throw RequestRejectedException.badRequest(MessageKey.RETENTION_DUE_BEFORE_ISSUE);
        }
        apply(new RetentionNoticeIssued(command.memberId(), command.lastActiveAt(), command.issuedAt(), command.dueAt()));
    }

    @CommandHandler
    void handle(WithdrawRetentionNotice command) {
        if (noticeDueAt != null) {
            apply(new RetentionNoticeWithdrawn(command.memberId(), command.withdrawnAt()));
        }
    }

    @CommandHandler
    void handle(EraseInactiveMember command) {
        if (noticeDueAt == null) {
            throw RequestRejectedException.conflict(MessageKey.NO_RETENTION_NOTICE);
        }
        if (command.erasedAt().isBefore(noticeDueAt)) {
            throw RequestRejectedException.conflict(MessageKey.RETENTION_NOTICE_RUNNING);
        }
        requireNoLegalHold();
        apply(new MemberErased(command.memberId(), noticeIssuedAt, command.erasedAt(), ErasureCause.RETENTION));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        if (legalHold) {
            throw RequestRejectedException.conflict(MessageKey.LEGAL_HOLD_EXISTS);
        }
        apply(new LegalHoldPlaced(command.memberId(), command.reason(), command.placedBy(), command.placedAt()));
        if (noticeDueAt != null) {
            // A hold stops the retention clock; it starts again once the hold is lifted.
            apply(new RetentionNoticeWithdrawn(command.memberId(), command.placedAt()));
        }
    }

    @CommandHandler
    void handle(ReleaseLegalHold command) {
        if (!legalHold) {
            throw RequestRejectedException.conflict(MessageKey.NO_LEGAL_HOLD);
        }
        apply(new LegalHoldReleased(command.memberId(), command.releasedBy(), command.releasedAt()));
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        legalHold = true;
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        legalHold = false;
    }

    @EventSourcingHandler
    void on(RetentionNoticeIssued event) {
        noticeIssuedAt = event.issuedAt();
        noticeDueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(RetentionNoticeWithdrawn event) {
        noticeIssuedAt = null;
        noticeDueAt = null;
    }

    @EventSourcingHandler
    void on(ErasureRequested event) {
        ownErasurePending = true;
    }

    @EventSourcingHandler
    void on(ErasureCancelled event) {
        ownErasurePending = false;
    }

    @EventSourcingHandler
    void on(MemberErased event) {
        noticeIssuedAt = null;
        noticeDueAt = null;
        ownErasurePending = false;
    }
}
