package com.matchmaking.readmodels.analytics;

import com.matchmaking.readmodels.member.MemberReadModels;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.introduction.IntroductionOutcomeRecorded;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import com.matchmaking.readmodels.projection.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * The analytics microdata: one row of generalised attributes per member (birth year, gender, city, education,
 * status), nothing that names or reaches anyone. Analysts never read it: {@link Demographics} counts it after making it
 * k-anonymous.
 *
 * <p>An introduction's outcome concerns two members and is sequenced with the introduction, not with either member,
 * so it may arrive before a member's registration was handled, or after their erasure: it is kept by the time it was
 * recorded (the latest wins, whatever the order of handling), it makes the member's row if there is none yet, and it
 * writes nothing for a member behind the erasure fence (under a shared lock on the member that the erasure's delete
 * takes exclusively).
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
public class AnalyticsProjection {

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public AnalyticsProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MemberRegistered event) {
        Profile p = event.profile();
        writes.update(event.memberId(), """
                INSERT INTO analytics_member (member_id, status, birth_year, gender, city, education)
                VALUES (?, 'ACTIVE', ?, ?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET birth_year = EXCLUDED.birth_year, gender = EXCLUDED.gender,
                    city = EXCLUDED.city, education = EXCLUDED.education
                """, event.memberId(), p.birthDate() == null ? null : p.birthDate().getYear(), name(p.gender()),
                p.city(), name(p.education()));
    }

    @EventHandler
    void on(ProfileUpdated event) {
        Profile p = event.profile();
        writes.update(event.memberId(),
                "UPDATE analytics_member SET birth_year = ?, gender = ?, city = ?, education = ? WHERE member_id = ?",
                p.birthDate() == null ? null : p.birthDate().getYear(), name(p.gender()), p.city(), name(p.education()),
                event.memberId());
    }

    @EventHandler
    void on(ErasureRequested event) {
        writes.update(event.memberId(), "UPDATE analytics_member SET status = 'ERASURE_PENDING' WHERE member_id = ?",
                event.memberId());
    }

    @EventHandler
    void on(ErasureCancelled event) {
        writes.update(event.memberId(), "UPDATE analytics_member SET status = 'ACTIVE' WHERE member_id = ?", event.memberId());
    }

    /** The latest outcome of an introduction, for both members: the outcome is about the two of them. */
    @EventHandler
    void on(IntroductionOutcomeRecorded event) {
        for (UUID member : new UUID[]{event.memberA(), event.memberB()}) {
            if (member == null) {
                continue;
            }
            writes.lock(member, false);
            writes.update(member, """
                    INSERT INTO analytics_member (member_id, status, introduction_outcome, introduction_outcome_at)
                    SELECT ?, 'ACTIVE', ?, ? WHERE NOT EXISTS (SELECT 1 FROM erasure_fence WHERE subject_id = ?)
                    ON CONFLICT (member_id) DO UPDATE SET introduction_outcome = EXCLUDED.introduction_outcome,
                        introduction_outcome_at = EXCLUDED.introduction_outcome_at
                    WHERE analytics_member.introduction_outcome_at IS NULL
                        OR (analytics_member.introduction_outcome_at, analytics_member.introduction_outcome)
                            <= (EXCLUDED.introduction_outcome_at, EXCLUDED.introduction_outcome)
                    """, member, event.outcome().name(), Timestamp.from(event.recordedAt()), member);
        }
    }

    @EventHandler
    void on(MemberErased event) {
        writes.lock(event.memberId(), true);
        writes.update(event.memberId(), "DELETE FROM analytics_member WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM analytics_member");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
