package com.matchmaking.app.risk;

import com.matchmaking.app.account.AccountKind;
import com.matchmaking.app.account.LoginOutcome;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.risk.RaiseRiskAlert;
import com.matchmaking.schema.risk.RiskAlertResolved;
import com.matchmaking.schema.risk.RiskRule;
import com.matchmaking.schema.sharing.DataShareRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The risk rules, applied to every access event in the same transaction as the event (a subscribing processor), so
 * a hit raises the alert, and with it suspends the staff account, before the access that tripped it returns: the
 * caller gets a refusal instead of the data (see {@link com.matchmaking.app.access.AccessProtocol}). Failed logins are
 * announced by the login service and handled the same way in a transaction of their own.
 *
 * <p>What the rules count is kept in {@code risk_access} (ids and times from the events, never the clock). Each rule
 * fires once per account until compliance resolves the alert; after a resolution only later accesses count.
 */
@Component
@InCommandTransaction("A rule hit raises its alert before the access that tripped it returns, so the caller is refused "
        + "the data")
@ProcessingGroup(RiskMonitor.GROUP)
class RiskMonitor {

    static final String GROUP = "risk-monitor";
    private static final Logger log = LoggerFactory.getLogger(RiskMonitor.class);

    private static final String VIEW = "VIEW";
    private static final String REVEAL = "REVEAL";
    private static final String AUDIT_TRAIL = "AUDIT_TRAIL";
    private static final String SHARE_REQUEST = "SHARE_REQUEST";
    private static final String SHARE = "SHARE";
    private static final String EXPORT = "EXPORT";

    private final JdbcTemplate jdbc;
    private final RiskProperties rules;
    private final AuditedCommands commands;
    private final TransactionTemplate transactions;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    RiskMonitor(JdbcTemplate jdbc, RiskProperties rules, AuditedCommands commands, TransactionTemplate transactions,
                io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.rules = rules;
        this.commands = commands;
        this.transactions = transactions;
    }

    @EventHandler
    void on(MemberProfileViewed event) {
        staffAccess(event.staffId(), event.memberId(), VIEW, event.viewedAt());
    }

    /** Reading a member's consultation notes is a look at their data like a profile view, and counts as one. */
    @EventHandler
    void on(ConsultationNotesViewed event) {
        staffAccess(event.staffId(), event.memberId(), VIEW, event.viewedAt());
    }

    @EventHandler
    void on(IntroductionRecordsViewed event) {
        staffAccess(event.staffId(), event.memberId(), VIEW, event.viewedAt());
    }

    @EventHandler
    void on(MemberFieldRevealed event) {
        staffAccess(event.staffId(), event.memberId(), REVEAL, event.revealedAt());
    }

    @EventHandler
    void on(MemberAuditTrailViewed event) {
        staffAccess(event.staffId(), event.memberId(), AUDIT_TRAIL, event.viewedAt());
    }

    @EventHandler
    void on(DataShareRequested event) {
        staffAccess(event.requesterId(), event.memberId(), SHARE_REQUEST, event.requestedAt());
    }

    @EventHandler
    void on(MemberDataShared event) {
        staffAccess(event.staffId(), event.memberId(), SHARE, event.sharedAt());
    }

    /** A member's own export: too many of them is an alert (a taken-over account), though nobody is suspended. */
    @EventHandler
    void on(MemberDataExported event, @MetaDataValue("actorRole") String actorRole) {
        if (!"MEMBER".equals(actorRole)) {
            return;
        }
        record(event.memberId(), event.memberId(), EXPORT, event.exportedAt());
        var volume = rules.exportVolume();
        long exports = count(event.memberId(), RiskRule.EXPORT_VOLUME, List.of(EXPORT), event.exportedAt(), volume.window(), false);
        if (exports > volume.max()) {
            raise(event.memberId(), RiskAlert.MEMBER, RiskRule.EXPORT_VOLUME, exports, volume.max(), volume.window(),
                    event.exportedAt());
        }
    }

    @EventHandler
    void on(RiskAlertResolved event) {
        jdbc.update("UPDATE risk_rule_state SET open_alert_id = NULL, counted_from = ? WHERE account_id = ? AND rule = ?",
                Timestamp.from(event.resolvedAt()), event.accountId(), event.rule().name());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM risk_access WHERE member_id = ? OR account_id = ?", event.memberId(), event.memberId());
        jdbc.update("DELETE FROM risk_rule_state WHERE account_id = ?", event.memberId());
    }

    /** Failed logins in a row on a staff account. Not an event: the login service announces them in-process. */
    @EventListener
    void on(LoginOutcome.Failed failed) {
        if (failed.kind() != AccountKind.STAFF || failed.failuresInARow() <= rules.failedLogins()) {
            return;
        }
        transactions.executeWithoutResult(status -> raise(failed.accountId(), RiskAlert.STAFF, RiskRule.FAILED_LOGINS,
                failed.failuresInARow(), rules.failedLogins(), null, failed.at()));
    }

    private void staffAccess(UUID staffId, UUID memberId, String kind, Instant at) {
        record(staffId, memberId, kind, at);
        var hours = rules.workingHours();
        if (hours.enabled() && !hours.contains(at)) {
            raise(staffId, RiskAlert.STAFF, RiskRule.OUTSIDE_WORKING_HOURS, 1, 0, null, at);
        }
        if (kind.equals(VIEW) || kind.equals(REVEAL)) {
            var distinct = rules.distinctMembers();
            long members = count(staffId, RiskRule.DISTINCT_MEMBERS, List.of(VIEW, REVEAL), at, distinct.window(), true);
            if (members > distinct.max()) {
                raise(staffId, RiskAlert.STAFF, RiskRule.DISTINCT_MEMBERS, members, distinct.max(), distinct.window(), at);
            }
        }
        if (kind.equals(REVEAL)) {
            var reveals = rules.reveals();
            long revealed = count(staffId, RiskRule.REVEALS, List.of(REVEAL), at, reveals.window(), false);
            if (revealed > reveals.max()) {
                raise(staffId, RiskAlert.STAFF, RiskRule.REVEALS, revealed, reveals.max(), reveals.window(), at);
            }
        }
        if (kind.equals(SHARE_REQUEST) || kind.equals(SHARE)) {
            var volume = rules.exportVolume();
            long shares = count(staffId, RiskRule.EXPORT_VOLUME, List.of(SHARE_REQUEST, SHARE), at, volume.window(), false);
            if (shares > volume.max()) {
                raise(staffId, RiskAlert.STAFF, RiskRule.EXPORT_VOLUME, shares, volume.max(), volume.window(), at);
            }
        }
    }

    private void record(UUID accountId, UUID memberId, String kind, Instant at) {
        jdbc.update("INSERT INTO risk_access (account_id, member_id, kind, at) VALUES (?, ?, ?, ?)", accountId, memberId,
                kind, Timestamp.from(at));
        Duration longest = Stream.of(rules.distinctMembers().window(), rules.reveals().window(), rules.exportVolume().window())
                .max(Duration::compareTo).orElseThrow();
        jdbc.update("DELETE FROM risk_access WHERE account_id = ? AND at < ?", accountId, Timestamp.from(at.minus(longest)));
    }

    /** Accesses of the kinds within the window up to {@code at}, counted since the rule's last resolution. */
    private static final String COUNT_ACCESSES = """
            SELECT count(*) FROM risk_access
            WHERE account_id = ? AND kind = ANY (?) AND at > ? AND at <= ?
              AND at >= coalesce((SELECT counted_from FROM risk_rule_state WHERE account_id = ? AND rule = ?), '-infinity')
            """;
    private static final String COUNT_DISTINCT_MEMBERS = """
            SELECT count(DISTINCT member_id) FROM risk_access
            WHERE account_id = ? AND kind = ANY (?) AND at > ? AND at <= ?
              AND at >= coalesce((SELECT counted_from FROM risk_rule_state WHERE account_id = ? AND rule = ?), '-infinity')
            """;

    private long count(UUID accountId, RiskRule rule, List<String> kinds, Instant at, Duration window, boolean distinctMembers) {
        return jdbc.query(connection -> {
            var statement = distinctMembers ? connection.prepareStatement(COUNT_DISTINCT_MEMBERS)
                    : connection.prepareStatement(COUNT_ACCESSES);
            statement.setObject(1, accountId);
            statement.setArray(2, connection.createArrayOf("text", kinds.toArray()));
            statement.setTimestamp(3, Timestamp.from(at.minus(window)));
            statement.setTimestamp(4, Timestamp.from(at));
            statement.setObject(5, accountId);
            statement.setString(6, rule.name());
            return statement;
        }, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /**
     * Raises an alert unless one is open for the account and rule. The claim on the rule's state row and the alert
     * are in one transaction, so two concurrent hits raise one alert.
     */
    private void raise(UUID accountId, String accountKind, RiskRule rule, long observed, long threshold, Duration window,
                       Instant at) {
        UUID alertId = UUID.randomUUID();
        List<UUID> claimed = jdbc.queryForList("""
                INSERT INTO risk_rule_state (account_id, rule, open_alert_id) VALUES (?, ?, ?)
                ON CONFLICT (account_id, rule) DO UPDATE SET open_alert_id = EXCLUDED.open_alert_id
                WHERE risk_rule_state.open_alert_id IS NULL
                RETURNING open_alert_id
                """, UUID.class, accountId, rule.name(), alertId);
        if (claimed.isEmpty()) {
            return;
        }
        commands.sendAsSystem(new RaiseRiskAlert(alertId, accountId, accountKind, rule, observed, threshold, window, at),
                Purpose.RISK_RULE, AuditedCommands.EVENT);
        log.warn("Risk alert {}: {} on {} account {} ({} against a threshold of {})", alertId, rule, accountKind, accountId,
                observed, threshold);
        meters.counter("matchmaking.risk.alerts", "rule", rule.name(), "account_kind", accountKind).increment();
    }
}
