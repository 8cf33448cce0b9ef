package com.matchmaking.readmodels.leakreport;

import com.matchmaking.schema.leakreport.LeakCaseClosed;
import com.matchmaking.schema.leakreport.LeakCaseNoteAdded;
import com.matchmaking.schema.leakreport.LeakInvestigationStarted;
import com.matchmaking.schema.leakreport.LeakReportFiled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Compliance's list of leak cases: category, status, outcome and dates only. Who reported, what they wrote and whom
 * they named stay encrypted in the log.
 */
@Component
@ProcessingGroup(LeakCases.GROUP)
public class LeakCases {

    public static final String GROUP = "leak-cases";

    /** One case as the list shows it. */
    public record LeakCaseSummary(UUID reportId, String category, String status, String outcome, int notes,
                                  Instant filedAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public LeakCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LeakReportFiled event) {
        jdbc.update("""
                INSERT INTO leak_case (report_id, category, status, notes, filed_at, updated_at)
                VALUES (?, ?, 'OPEN', 0, ?, ?)
                """, event.reportId(), event.category().name(), Timestamp.from(event.filedAt()), Timestamp.from(event.filedAt()));
    }

    @EventHandler
    void on(LeakInvestigationStarted event) {
        jdbc.update("UPDATE leak_case SET status = 'INVESTIGATING', updated_at = ? WHERE report_id = ?",
                Timestamp.from(event.startedAt()), event.reportId());
    }

    @EventHandler
    void on(LeakCaseNoteAdded event) {
        jdbc.update("UPDATE leak_case SET notes = notes + 1, updated_at = ? WHERE report_id = ?",
                Timestamp.from(event.addedAt()), event.reportId());
    }

    @EventHandler
    void on(LeakCaseClosed event) {
        jdbc.update("UPDATE leak_case SET status = 'CLOSED', outcome = ?, notes = notes + 1, updated_at = ? WHERE report_id = ?",
                event.outcome().name(), Timestamp.from(event.closedAt()), event.reportId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM leak_case");
    }

    /** The cases, newest first, optionally of one status. */
    public List<LeakCaseSummary> list(String status) {
        return jdbc.query("""
                SELECT * FROM leak_case WHERE (?::text IS NULL OR status = ?) ORDER BY filed_at DESC, report_id
                """, (rs, i) -> new LeakCaseSummary(rs.getObject("report_id", UUID.class), rs.getString("category"),
                rs.getString("status"), rs.getString("outcome"), rs.getInt("notes"),
                rs.getTimestamp("filed_at").toInstant(), rs.getTimestamp("updated_at").toInstant()), status, status);
    }
}
