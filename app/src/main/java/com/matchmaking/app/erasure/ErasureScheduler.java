package com.matchmaking.app.erasure;

import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.erasure.EraseMember;
import com.matchmaking.schema.purpose.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erases members whose cooling-off period has passed. Several nodes may run it at once: the member aggregate accepts
 * only the first erasure, so a duplicate is refused and skipped.
 */
@Component
class ErasureScheduler {

    private static final Logger log = LoggerFactory.getLogger(ErasureScheduler.class);

    private final JdbcTemplate jdbc;
    private final AuditedCommands commands;
    private final Clock clock;

    ErasureScheduler(JdbcTemplate jdbc, AuditedCommands commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${matchmaking.erasure.poll-interval:PT10S}",
               initialDelayString = "${matchmaking.erasure.poll-interval:PT10S}")
    void eraseDue() {
        Instant now = clock.instant();
        List<UUID> due = jdbc.queryForList("SELECT member_id FROM erasure_schedule WHERE due_at <= ? ORDER BY due_at LIMIT 100",
                UUID.class, Timestamp.from(now));
        for (UUID memberId : due) {
            try {
                commands.sendAsSystem(new EraseMember(memberId, now), Purpose.ERASURE_GRACE_PERIOD_PASSED);
            } catch (RequestRejectedException alreadyHandled) {
                log.debug("Erasure of {} not carried out: {}", memberId, alreadyHandled.getMessage());
            } catch (RuntimeException e) {
                log.warn("Erasure of {} failed ({}); it stays scheduled", memberId, e.getClass().getSimpleName());
            }
        }
    }
}
