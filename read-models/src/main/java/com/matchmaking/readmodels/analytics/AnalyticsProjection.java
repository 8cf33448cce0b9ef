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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The analytics microdata: one row of generalised attributes per member (birth year, gender, city, education,
 * status), nothing that names or reaches anyone. Analysts never read it: {@link Demographics} counts it after making it
 * k-anonymous.
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
public class AnalyticsProjection {

    private final JdbcTemplate jdbc;

    public AnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update("INSERT INTO analytics_member (member_id, status) VALUES (?, 'ACTIVE')", event.memberId());
        attributes(event.memberId(), event.profile());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        attributes(event.memberId(), event.profile());
    }

    private void attributes(UUID memberId, Profile p) {
        jdbc.update("UPDATE analytics_member SET birth_year = ?, gender = ?, city = ?, education = ? WHERE member_id = ?",
                p.birthDate() == null ? null : p.birthDate().getYear(), name(p.gender()), p.city(), name(p.education()),
                memberId);
    }

    @EventHandler
    void on(ErasureRequested event) {
        jdbc.update("UPDATE analytics_member SET status = 'ERASURE_PENDING' WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(ErasureCancelled event) {
        jdbc.update("UPDATE analytics_member SET status = 'ACTIVE' WHERE member_id = ?", event.memberId());
    }

    /** The latest outcome of an introduction, for both members: the outcome is about the two of them. */
    @EventHandler
    void on(IntroductionOutcomeRecorded event) {
        jdbc.update("UPDATE analytics_member SET introduction_outcome = ? WHERE member_id = ? OR member_id = ?",
                event.outcome().name(), event.memberA(), event.memberB());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM analytics_member WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM analytics_member");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
