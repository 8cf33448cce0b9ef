package com.matchmaking.app.benchmark.baseline;

import com.matchmaking.app.benchmark.baseline.BaselineCommands.BaselineMemberRegistered;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.BaselineProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/** The baseline's one read model: a row per member in a JDBC table, kept by a tracking processor. */
@ProcessingGroup(BaselineProjection.GROUP)
class BaselineProjection {

    static final String GROUP = "baseline-projection";

    private final JdbcTemplate jdbc;

    BaselineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BaselineMemberRegistered event) {
        jdbc.update("""
                INSERT INTO baseline_member (member_id, full_name, email, phone, city, about_me, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO NOTHING
                """, event.memberId(), event.fullName(), event.email(), event.phone(), event.city(), event.aboutMe(),
                Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(BaselineProfileUpdated event) {
        jdbc.update("""
                UPDATE baseline_member SET full_name = coalesce(?, full_name), phone = coalesce(?, phone),
                    city = coalesce(?, city), about_me = coalesce(?, about_me), updated_at = ?
                WHERE member_id = ?
                """, event.fullName(), event.phone(), event.city(), event.aboutMe(),
                Timestamp.from(event.updatedAt()), event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM baseline_member");
    }
}
