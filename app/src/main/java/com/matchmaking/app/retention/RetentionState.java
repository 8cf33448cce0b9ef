package com.matchmaking.app.retention;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;

import java.time.Instant;
import java.util.UUID;

/** What holds a member's data back or sends it away: a legal hold in place, a pending notice of erasure for inactivity. */
public record RetentionState(LegalHoldState legalHold, RetentionNoticeState retentionNotice) {

    /**
     * A legal hold on the member's data. The reason is for compliance: the member is told a hold exists, not why (a
     * hold may be confidential).
     */
    public record LegalHoldState(String reason, UUID placedBy, Instant placedAt) {
    }

    /** A pending notice of erasure for inactivity. */
    public record RetentionNoticeState(Instant lastActiveAt, Instant issuedAt, Instant dueAt) {
    }

    private static final RetentionState NONE = new RetentionState(null, null);

    public static final HistoryView<RetentionState> VIEW = HistoryView
            .startingWith(() -> NONE)
            .identifiedBy(MemberRegistered.class)
            .on(LegalHoldPlaced.class, (s, e) ->
                    new RetentionState(new LegalHoldState(e.reason(), e.placedBy(), e.placedAt()), s.retentionNotice()))
            .on(LegalHoldReleased.class, (s, e) -> new RetentionState(null, s.retentionNotice()))
            .on(RetentionNoticeIssued.class, (s, e) -> new RetentionState(s.legalHold(),
                    new RetentionNoticeState(e.lastActiveAt(), e.issuedAt(), e.dueAt())))
            .on(RetentionNoticeWithdrawn.class, (s, e) -> new RetentionState(s.legalHold(), null))
            .on(MemberErased.class, (s, e) -> new RetentionState(s.legalHold(), null))
            .build(s -> s);
}
