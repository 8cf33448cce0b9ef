package com.matchmaking.readmodels.compliance;

import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Members under a legal hold, for compliance and for the retention scheduler. The reason stays in the event. */
@Component
@ProcessingGroup(LegalHoldProjection.GROUP)
public class LegalHoldProjection {

    public static final String GROUP = "legal-holds";

    private final JdbcTemplate jdbc;

    public LegalHoldProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LegalHoldPlaced event) {
        jdbc.update("""
                INSERT INTO legal_hold (member_id, placed_by, placed_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET placed_by = EXCLUDED.placed_by, placed_at = EXCLUDED.placed_at
                """, event.memberId(), event.placedBy(), Timestamp.from(event.placedAt()));
    }

    @EventHandler
    void on(LegalHoldReleased event) {
        jdbc.update("DELETE FROM legal_hold WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM legal_hold WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM legal_hold");
    }
}
