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
import com.matchmaking.readmodels.projection.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The matching read model: matching attributes, preferences and whether the member takes part, and the pairs never to
 * suggest. Every change of a profile row takes the next revision, which is how the candidate pools of every node
 * learn of it; this node's pool is also told at once, after the commit. A batch of events takes one revision for all
 * the members it changed, at its end, and asks the pool for one refresh.
 *
 * <p>A pair to exclude concerns two members while the events are sequenced per member (or per introduction), so it
 * may be handled before or after the other member's erasure: it is written only while neither is behind the erasure
 * fence, under a shared lock on both that an erasure's delete takes exclusively. Whichever comes first, no pair of an
 * erased member stays.
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
class MatchingProjection {

    private static final String REVISIONS = MatchingProjection.class.getName() + ".revisions";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final CandidatePool pool;

    MatchingProjection(JdbcTemplate jdbc, BatchedWrites writes, CandidatePool pool) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.pool = pool;
    }

    @EventHandler
    void on(MemberRegistered event) {
        Profile p = event.profile();
        writes.update(event.memberId(), """
                INSERT INTO matching_profile (member_id, personalised, gender, birth_date, city, education, height_cm,
                    marital_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET gender = EXCLUDED.gender, birth_date = EXCLUDED.birth_date,
                    city = EXCLUDED.city, education = EXCLUDED.education, height_cm = EXCLUDED.height_cm,
                    marital_status = EXCLUDED.marital_status
                """, event.memberId(), event.consents().contains(ConsentPurpose.PERSONALISED_RECOMMENDATIONS),
                name(p.gender()), p.birthDate() == null ? null : Date.valueOf(p.birthDate()), p.city(),
                name(p.education()), p.heightCm(), name(p.maritalStatus()));
        changed(event.memberId());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        Profile p = event.profile();
        writes.update(event.memberId(), """
                UPDATE matching_profile SET gender = ?, birth_date = ?, city = ?, education = ?, height_cm = ?,
                    marital_status = ?
                WHERE member_id = ?
                """, name(p.gender()), p.birthDate() == null ? null : Date.valueOf(p.birthDate()), p.city(),
                name(p.education()), p.heightCm(), name(p.maritalStatus()), event.memberId());
        changed(event.memberId());
    }

    @EventHandler
    void on(PreferencesUpdated event) {
        writes.update(event.memberId(), "UPDATE matching_profile SET preferences = CAST(? AS jsonb) WHERE member_id = ?",
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
            writes.update(memberId, "UPDATE matching_profile SET personalised = ? WHERE member_id = ?", granted, memberId);
            changed(memberId);
        }
    }

    @EventHandler
    void on(MatchingPaused event) {
        flag(event.memberId(), "UPDATE matching_profile SET paused = TRUE WHERE member_id = ?");
    }

    @EventHandler
    void on(MatchingResumed event) {
        flag(event.memberId(), "UPDATE matching_profile SET paused = FALSE WHERE member_id = ?");
    }

    @EventHandler
    void on(MemberSuspended event) {
        flag(event.memberId(), "UPDATE matching_profile SET suspended = TRUE WHERE member_id = ?");
    }

    @EventHandler
    void on(MemberReinstated event) {
        flag(event.memberId(), "UPDATE matching_profile SET suspended = FALSE WHERE member_id = ?");
    }

    private void flag(UUID memberId, String sql) {
        writes.update(memberId, sql, memberId);
        changed(memberId);
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
            writes.lock(a, false);
            writes.lock(b, false);
            writes.update(a, b, """
                    INSERT INTO matching_exclusion (member_id, other_id)
                    SELECT v.member_id, v.other_id FROM (VALUES (?::uuid, ?::uuid), (?::uuid, ?::uuid)) AS v (member_id, other_id)
                    WHERE NOT EXISTS (SELECT 1 FROM erasure_fence f WHERE f.subject_id IN (?, ?))
                    ON CONFLICT DO NOTHING
                    """, a, b, b, a, a, b);
        }
    }

    @EventHandler
    void on(MemberErased event) {
        UUID memberId = event.memberId();
        writes.lock(memberId, true);
        writes.update(memberId, "DELETE FROM matching_profile WHERE member_id = ?", memberId);
        writes.update(memberId, "DELETE FROM matching_sync WHERE member_id = ?", memberId);
        writes.update(memberId, "DELETE FROM matching_exclusion WHERE member_id = ? OR other_id = ?", memberId, memberId);
        Revisions revisions = revisions();
        revisions.changed.remove(memberId);
        revisions.removed = true;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM matching_exclusion");
        jdbc.update("DELETE FROM matching_sync");
        jdbc.update("DELETE FROM matching_profile");
        jdbc.update("UPDATE matching_state SET revision = revision + 1, removals = removals + 1 WHERE id = 1");
        writes.afterCommit(REVISIONS, pool::refreshSoon);
    }

    /** What the batch changed, for the revision it takes at its end. */
    private static final class Revisions {
        private final Set<UUID> changed = new LinkedHashSet<>();
        private boolean removed;
    }

    private Revisions revisions() {
        return writes.state(REVISIONS, Revisions::new, this::commit);
    }

    private void changed(UUID memberId) {
        revisions().changed.add(memberId);
    }

    /**
     * One revision for the batch. The row lock on matching_state is held to the commit, so revisions become visible
     * in the order they were taken; it is taken last, so batches of other segments wait for it only that long.
     */
    private void commit(Revisions revisions) {
        if (revisions.changed.isEmpty() && !revisions.removed) {
            return;
        }
        Long revision = jdbc.queryForObject(
                "UPDATE matching_state SET revision = revision + 1, removals = removals + ? WHERE id = 1 RETURNING revision",
                Long.class, revisions.removed ? 1 : 0);
        List<Object[]> rows = new ArrayList<>(revisions.changed.size());
        for (UUID memberId : revisions.changed) {
            rows.add(new Object[]{memberId, revision});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO matching_sync (member_id, revision) VALUES (?, ?)
                    ON CONFLICT (member_id) DO UPDATE SET revision = EXCLUDED.revision
                    """, rows);
        }
        writes.afterCommit(REVISIONS, pool::refreshSoon);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
