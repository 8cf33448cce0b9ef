package com.matchmaking.app.erasure;

import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The erasures waiting for their cooling-off period, kept from the events so that a restart loses none. */
@Component
@ProcessingGroup(ErasureScheduleProjection.GROUP)
class ErasureScheduleProjection {

    static final String GROUP = "erasure-schedule";

    private final JdbcTemplate jdbc;

    ErasureScheduleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ErasureRequested event) {
        jdbc.update("""
                INSERT INTO erasure_schedule (member_id, requested_at, due_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET requested_at = EXCLUDED.requested_at, due_at = EXCLUDED.due_at
                """, event.memberId(), Timestamp.from(event.requestedAt()), Timestamp.from(event.dueAt()));
    }

    @EventHandler
    void on(ErasureCancelled event) {
        jdbc.update("DELETE FROM erasure_schedule WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM erasure_schedule WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM erasure_schedule");
    }
}
