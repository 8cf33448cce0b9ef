package com.matchmaking.readmodels.compliance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Reads compliance's list of alerts: their ids, newest first, all or by status. */
@Component
public class RiskAlerts {

    private final JdbcTemplate jdbc;

    public RiskAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Alert ids, newest first; {@code status} OPEN or RESOLVED, or {@code null} for all. */
    public List<UUID> ids(String status, int limit) {
        if (status == null) {
            return jdbc.queryForList("SELECT alert_id FROM risk_alert ORDER BY raised_at DESC, alert_id LIMIT ?", UUID.class, limit);
        }
        return jdbc.queryForList("SELECT alert_id FROM risk_alert WHERE status = ? ORDER BY raised_at DESC, alert_id LIMIT ?",
                UUID.class, status, limit);
    }
}
