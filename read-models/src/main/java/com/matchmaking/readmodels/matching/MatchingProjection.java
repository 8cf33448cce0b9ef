package com.matchmaking.readmodels.matching;

import com.matchmaking.readmodels.member.MemberReadModels;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Date;
import java.util.UUID;

/**
 * The matching read model: matching attributes, preferences and whether the member takes part, and the pairs never to
 * suggest. Every change of a profile row takes the next revision, which is how the candidate pools of every node
 * learn of it; this node's pool is also told at once, after the commit.
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
class MatchingProjection {

    private final JdbcTemplate jdbc;
    private final CandidatePool pool;

    MatchingProjection(JdbcTemplate jdbc, CandidatePool pool) {
        this.jdbc = jdbc;
        this.pool = pool;
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update("INSERT INTO matching_profile (member_id, personalised) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.memberId(), event.consents().contains(ConsentPurpose.PERSONALISED_RECOMMENDATIONS));
        attributes(event.memberId(), event.profile());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        attributes(event.memberId(), event.profile());
    }

    private void attributes(UUID memberId, Profile p) {
        jdbc.update("""
                UPDATE matching_profile SET gender = ?, birth_date = ?, city = ?, education = ?, height_cm = ?,
                    marital_status = ?
                WHERE member_id = ?
                """, name(p.gender()), p.birthDate() == null ? null : Date.valueOf(p.birthDate()), p.city(),
                name(p.education()), p.heightCm(), name(p.maritalStatus()), memberId);
        changed(memberId);
    }

    @EventHandler
    void on(PreferencesUpdated event) {
        jdbc.update("UPDATE matching_profile SET preferences = CAST(? AS jsonb) WHERE member_id = ?",
                MatchingStore.json(event.preferences()), event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(ConsentGranted event) {
        personalised(event.memberId(), event.purpose(), true);
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        personalised(event.memberId(), event.purpose(), false);
    }

    private void personalised(UUID memberId, ConsentPurpose purpose, boolean granted) {
        if (purpose == ConsentPurpose.PERSONALISED_RECOMMENDATIONS) {
            jdbc.update("UPDATE matching_profile SET personalised = ? WHERE member_id = ?", granted, memberId);
            changed(memberId);
        }
    }

    @EventHandler
    void on(MatchingPaused event) {
        jdbc.update("UPDATE matching_profile SET paused = TRUE WHERE member_id = ?", event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(MatchingResumed event) {
        jdbc.update("UPDATE matching_profile SET paused = FALSE WHERE member_id = ?", event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(MemberSuspended event) {
        jdbc.update("UPDATE matching_profile SET suspended = TRUE WHERE member_id = ?", event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(MemberReinstated event) {
        jdbc.update("UPDATE matching_profile SET suspended = FALSE WHERE member_id = ?", event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(MemberBlocked event) {
        exclude(event.memberId(), event.blockedMemberId());
    }

    @EventHandler
    void on(IntroductionProposed event) {
        // Whatever becomes of the introduction (declined, closed, a success), the two are never suggested again.
        exclude(event.memberA(), event.memberB());
    }

    private void exclude(UUID a, UUID b) {
        if (a != null && b != null && !a.equals(b)) {
            jdbc.update("INSERT INTO matching_exclusion (member_id, other_id) VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING",
                    a, b, b, a);
        }
    }

    @EventHandler
    void on(MemberErased event) {
        UUID memberId = event.memberId();
        jdbc.update("DELETE FROM matching_profile WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM matching_sync WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM matching_exclusion WHERE member_id = ? OR other_id = ?", memberId, memberId);
        removed();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM matching_exclusion");
        jdbc.update("DELETE FROM matching_sync");
        jdbc.update("DELETE FROM matching_profile");
        removed();
    }

    private void changed(UUID memberId) {
        // The row lock on matching_state is held to the commit: revisions become visible in the order they were taken.
        Long revision = jdbc.queryForObject("UPDATE matching_state SET revision = revision + 1 WHERE id = 1 RETURNING revision",
                Long.class);
        jdbc.update("""
                INSERT INTO matching_sync (member_id, revision) VALUES (?, ?)
                ON CONFLICT (member_id) DO UPDATE SET revision = EXCLUDED.revision
                """, memberId, revision);
        afterCommit();
    }

    private void removed() {
        jdbc.update("UPDATE matching_state SET revision = revision + 1, removals = removals + 1 WHERE id = 1");
        afterCommit();
    }

    private void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pool.refreshSoon();
                }
            });
        } else {
            pool.refreshSoon();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
