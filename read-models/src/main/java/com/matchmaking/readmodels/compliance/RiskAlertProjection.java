package com.matchmaking.readmodels.compliance;

import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.risk.RiskAlertRaised;
import com.matchmaking.schema.risk.RiskAlertResolved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Compliance's list of alerts: which rule fired for which account, with what counts, and how it was resolved. Codes,
 * counts, ids and times only; the resolution note stays encrypted in the event. An erased member's alerts go with them.
 */
@Component
@ProcessingGroup(RiskAlertProjection.GROUP)
public class RiskAlertProjection {

    public static final String GROUP = "risk-alerts";

    private final JdbcTemplate jdbc;

    public RiskAlertProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RiskAlertRaised event) {
        jdbc.update("""
                INSERT INTO risk_alert (alert_id, account_id, account_kind, rule, observed, threshold, window_iso, raised_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                ON CONFLICT (alert_id) DO NOTHING
                """, event.alertId(), event.accountId(), event.accountKind(), event.rule().name(), event.observed(),
                event.threshold(), event.window() == null ? null : event.window().toString(), Timestamp.from(event.raisedAt()));
    }

    @EventHandler
    void on(RiskAlertResolved event) {
        jdbc.update("UPDATE risk_alert SET status = 'RESOLVED', decision = ?, resolved_by = ?, resolved_at = ? WHERE alert_id = ?",
                event.decision().name(), event.resolverId(), Timestamp.from(event.resolvedAt()), event.alertId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM risk_alert WHERE account_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM risk_alert");
    }
}
