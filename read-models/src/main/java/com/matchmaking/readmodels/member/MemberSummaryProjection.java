package com.matchmaking.readmodels.member;

import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One masked row per member: masked name, phone and email, gender, age band, city and status. Values that depend on
 * time (the age band) are computed from the event's own timestamp, so a replay rebuilds exactly the same rows.
 * {@code events_applied} counts the member events folded in, which makes a lost or doubly applied event visible.
 */
@Component
@ProcessingGroup(MemberSummaryProjection.GROUP)
public class MemberSummaryProjection {

    public static final String GROUP = "member-summary";

    private final JdbcTemplate jdbc;

    public MemberSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event) {
        Profile p = event.profile();
        jdbc.update("""
                INSERT INTO member_summary (member_id, masked_name, masked_phone, masked_email, gender, age_band, city,
                    status, registered_at, updated_at, events_applied)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 1)
                """, event.memberId(), orStar(Masking.name(p.fullName())), Masking.phone(p.phone()), Masking.email(p.email()),
                name(p.gender()), ageBand(p, event.registeredAt()), p.city(),
                Timestamp.from(event.registeredAt()), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(ProfileUpdated event) {
        Profile p = event.profile();
        jdbc.update("""
                UPDATE member_summary SET masked_name = ?, masked_phone = ?, masked_email = ?, gender = ?, age_band = ?,
                    city = ?, updated_at = ?, events_applied = events_applied + 1
                WHERE member_id = ?
                """, orStar(Masking.name(p.fullName())), Masking.phone(p.phone()), Masking.email(p.email()), name(p.gender()),
                ageBand(p, event.updatedAt()), p.city(), Timestamp.from(event.updatedAt()), event.memberId());
    }

    @EventHandler
    void on(PreferencesUpdated event) {
        counted(event.memberId());
    }

    @EventHandler
    void on(ConsentGranted event) {
        counted(event.memberId());
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        counted(event.memberId());
    }

    @EventHandler
    void on(MemberDataExported event) {
        counted(event.memberId());
    }

    @EventHandler
    void on(ErasureRequested event) {
        status(event.memberId(), "ERASURE_PENDING");
    }

    @EventHandler
    void on(ErasureCancelled event) {
        status(event.memberId(), "ACTIVE");
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM member_summary WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM member_summary");
    }

    private void counted(UUID memberId) {
        jdbc.update("UPDATE member_summary SET events_applied = events_applied + 1 WHERE member_id = ?", memberId);
    }

    private void status(UUID memberId, String status) {
        jdbc.update("UPDATE member_summary SET status = ?, events_applied = events_applied + 1 WHERE member_id = ?",
                status, memberId);
    }

    private static String orStar(String masked) {
        return masked == null ? "*" : masked;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String ageBand(Profile p, Instant at) {
        return Masking.ageBand(p.birthDate(), at.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
