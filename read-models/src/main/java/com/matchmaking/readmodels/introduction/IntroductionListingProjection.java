package com.matchmaking.readmodels.introduction;

import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.introduction.IntroductionAccepted;
import com.matchmaking.schema.introduction.IntroductionConfirmed;
import com.matchmaking.schema.introduction.IntroductionDeclined;
import com.matchmaking.schema.introduction.IntroductionEnded;
import com.matchmaking.schema.introduction.IntroductionWithdrawn;
import com.matchmaking.schema.introduction.IntroductionOutcomeRecorded;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.IntroductionStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The introduction listing. Subscribing, in the transaction that stores the events: the rules of the next proposal
 * (once per pair, the weekly cap) read it, so it must never lag behind the log.
 */
@Component
@InCommandTransaction("The rules of the next proposal (once per pair, the weekly cap) read the listing, so it must "
        + "never lag behind the log")
@ProcessingGroup(IntroductionListingProjection.GROUP)
public class IntroductionListingProjection {

    public static final String GROUP = "introduction-listing";

    private final JdbcTemplate jdbc;

    public IntroductionListingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IntroductionProposed event) {
        jdbc.update("""
                INSERT INTO introduction (introduction_id, member_a, member_b, matchmaker_id, status, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (introduction_id) DO NOTHING
                """, event.introductionId(), event.memberA(), event.memberB(), event.matchmakerId(),
                IntroductionStatus.PROPOSED.name(), Timestamp.from(event.proposedAt()));
    }

    @EventHandler
    void on(IntroductionAccepted event) {
        respond(event.introductionId(), event.memberId().toString(), "ACCEPTED");
    }

    @EventHandler
    void on(IntroductionDeclined event) {
        respond(event.introductionId(), event.memberId().toString(), "DECLINED");
        jdbc.update("UPDATE introduction SET status = ?, closed_at = ? WHERE introduction_id = ?",
                IntroductionStatus.DECLINED.name(), Timestamp.from(event.declinedAt()), event.introductionId());
    }

    private void respond(java.util.UUID introductionId, String memberId, String response) {
        jdbc.update("""
                UPDATE introduction SET
                    response_a = CASE WHEN member_a::text = ? THEN ? ELSE response_a END,
                    response_b = CASE WHEN member_b::text = ? THEN ? ELSE response_b END
                WHERE introduction_id = ?
                """, memberId, response, memberId, response, introductionId);
    }

    /** Contact taken back: the contact rule reads this status, in the same transaction as the withdrawal. */
    @EventHandler
    void on(IntroductionWithdrawn event) {
        end(event.introductionId(), event.withdrawnAt());
    }

    @EventHandler
    void on(IntroductionEnded event) {
        end(event.introductionId(), event.endedAt());
    }

    private void end(java.util.UUID introductionId, java.time.Instant at) {
        jdbc.update("UPDATE introduction SET status = ?, closed_at = COALESCE(closed_at, ?) WHERE introduction_id = ?",
                IntroductionStatus.ENDED.name(), Timestamp.from(at), introductionId);
    }

    @EventHandler
    void on(IntroductionConfirmed event) {
        jdbc.update("UPDATE introduction SET status = ?, confirmed_at = ? WHERE introduction_id = ?",
                IntroductionStatus.CONFIRMED.name(), Timestamp.from(event.confirmedAt()), event.introductionId());
    }

    @EventHandler
    void on(IntroductionOutcomeRecorded event) {
        jdbc.update("UPDATE introduction SET outcome = ? WHERE introduction_id = ?", event.outcome().name(),
                event.introductionId());
    }

    /** The lock row only served the erased member's proposals; their introductions are closed one by one. */
    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM introduction_member_lock WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(IntroductionPartyErased event) {
        String erased = event.erasedMemberId().toString();
        jdbc.update("""
                UPDATE introduction SET
                    erased_a = erased_a OR member_a::text = ?,
                    erased_b = erased_b OR member_b::text = ?,
                    member_a = CASE WHEN member_a::text = ? THEN NULL ELSE member_a END,
                    member_b = CASE WHEN member_b::text = ? THEN NULL ELSE member_b END,
                    status = ?, closed_at = COALESCE(closed_at, ?)
                WHERE introduction_id = ?
                """, erased, erased, erased, erased, IntroductionStatus.CLOSED.name(), Timestamp.from(event.closedAt()),
                event.introductionId());
    }
}
