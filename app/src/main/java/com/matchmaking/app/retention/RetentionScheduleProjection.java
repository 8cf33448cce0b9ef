package com.matchmaking.app.retention;

import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Retention notices waiting for their period to run out, kept from the events so that a restart loses none. */
@Component
@ProcessingGroup(RetentionScheduleProjection.GROUP)
class RetentionScheduleProjection {

    static final String GROUP = "retention-schedule";

    private final JdbcTemplate jdbc;

    RetentionScheduleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RetentionNoticeIssued event) {
        jdbc.update("""
                INSERT INTO retention_schedule (member_id, last_active_at, issued_at, due_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET last_active_at = EXCLUDED.last_active_at,
                    issued_at = EXCLUDED.issued_at, due_at = EXCLUDED.due_at
                """, event.memberId(), Timestamp.from(event.lastActiveAt()), Timestamp.from(event.issuedAt()),
                Timestamp.from(event.dueAt()));
    }

    @EventHandler
    void on(RetentionNoticeWithdrawn event) {
        jdbc.update("DELETE FROM retention_schedule WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM retention_schedule WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM retention_schedule");
    }
}
