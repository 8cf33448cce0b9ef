package com.matchmaking.app.retention;

import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.retention.EraseInactiveMember;
import com.matchmaking.schema.retention.IssueRetentionNotice;
import com.matchmaking.schema.retention.WithdrawRetentionNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Storage limitation, on a schedule: members inactive for longer than the configured period get a retention notice
 * (an event in their log, shown in their erasure status); a member who logs in before it runs out keeps their data
 * and the notice is withdrawn; otherwise they are erased like any other erasure, with a receipt. Members under a legal
 * hold get no notice, and the member aggregate refuses to erase them whatever this scheduler thinks. Several nodes
 * may run it: the aggregate accepts each step once.
 */
@Component
class RetentionScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final AuditedCommands commands;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionScheduler(JdbcTemplate jdbc, AuditedCommands commands, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${matchmaking.retention.poll-interval:PT1H}",
               initialDelayString = "${matchmaking.retention.poll-interval:PT1H}")
    void run() {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        withdrawNoticesOfReturnedMembers(now);
        eraseMembersWhoseNoticeRanOut(now);
        noticeInactiveMembers(now);
    }

    private void withdrawNoticesOfReturnedMembers(Instant now) {
        List<UUID> back = jdbc.queryForList("""
                SELECT r.member_id FROM retention_schedule r JOIN member_activity a USING (member_id)
                WHERE a.last_active_at > r.last_active_at LIMIT ?
                """, UUID.class, BATCH);
        for (UUID memberId : back) {
            send(new WithdrawRetentionNotice(memberId, now), memberId, Purpose.RETENTION_MEMBER_RETURNED);
        }
    }

    private void eraseMembersWhoseNoticeRanOut(Instant now) {
        List<UUID> due = jdbc.queryForList("""
                SELECT r.member_id FROM retention_schedule r LEFT JOIN member_activity a USING (member_id)
                WHERE r.due_at <= ? AND (a.last_active_at IS NULL OR a.last_active_at <= r.last_active_at)
                  AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.member_id = r.member_id)
                ORDER BY r.due_at LIMIT ?
                """, UUID.class, Timestamp.from(now), BATCH);
        for (UUID memberId : due) {
            send(new EraseInactiveMember(memberId, now), memberId, Purpose.RETENTION_INACTIVE);
        }
    }

    private void noticeInactiveMembers(Instant now) {
        Instant inactiveSince = now.atOffset(ZoneOffset.UTC).minus(properties.inactiveAfter()).toInstant();
        Instant dueAt = now.atOffset(ZoneOffset.UTC).plus(properties.noticePeriod()).toInstant();
        List<Map<String, Object>> inactive = jdbc.queryForList("""
                SELECT m.member_id, m.last_active_at FROM (
                    SELECT c.account_id AS member_id, coalesce(a.last_active_at, c.created_at) AS last_active_at
                    FROM account c LEFT JOIN member_activity a ON a.member_id = c.account_id
                    WHERE c.kind = 'MEMBER') m
                WHERE m.last_active_at < ?
                  AND NOT EXISTS (SELECT 1 FROM retention_schedule r WHERE r.member_id = m.member_id)
                  AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.member_id = m.member_id)
                  AND NOT EXISTS (SELECT 1 FROM erasure_schedule e WHERE e.member_id = m.member_id)
                ORDER BY m.last_active_at LIMIT ?
                """, Timestamp.from(inactiveSince), BATCH);
        for (Map<String, Object> row : inactive) {
            UUID memberId = (UUID) row.get("member_id");
            Instant lastActive = ((Timestamp) row.get("last_active_at")).toInstant();
            send(new IssueRetentionNotice(memberId, lastActive, now, dueAt), memberId, Purpose.RETENTION_NOTICE);
        }
    }

    private void send(Object command, UUID memberId, Purpose purpose) {
        try {
            commands.sendAsSystem(command, purpose);
            log.info("Retention: {} for member {}", purpose.code(), memberId);
        } catch (RequestRejectedException refused) {
            log.debug("Retention step {} for member {} not taken: {}", purpose.code(), memberId, refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("Retention step {} for member {} failed ({})", purpose.code(), memberId, e.getClass().getSimpleName());
        }
    }
}
