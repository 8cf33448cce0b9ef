package com.matchmaking.app.erasure;

import com.matchmaking.app.audit.AuditedCommands;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.erasure.ReapplyErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the database and the erasure ledger in step. At start-up, after Axon and before the web server takes
 * requests: every erasure the database knows (its fences) goes into the ledger, and every subject of the ledger whose
 * keys have come back (a restored backup) is erased again:
 * <ul>
 *     <li>a member the restored log still knows as alive gets {@link ReapplyErasure}, so the whole erasure runs again
 *     (keys, fence, snapshots, login, read models, and a receipt that says it was re-applied);</li>
 *     <li>a member whose log already has the erasure but whose key rows are back has those keys destroyed again, and
 *     the receipt counts the re-application.</li>
 * </ul>
 * A subject the database knows nothing of (a backup older than them) is left alone: nothing of theirs is there. The
 * ledger is also topped up from the database's fences on every erasure poll, for an append a crash may have lost.
 */
@Component
class ErasureLedgerCheck implements SmartLifecycle {

    /** After Axon has started, before the web server. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2560;
    private static final Logger log = LoggerFactory.getLogger(ErasureLedgerCheck.class);

    private final ErasureLedger ledger;
    private final ErasureExecutor executor;
    private final AuditedCommands commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;
    private volatile Instant watermark;

    ErasureLedgerCheck(ErasureLedger ledger, ErasureExecutor executor, AuditedCommands commands, JdbcTemplate jdbc,
                       TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.executor = executor;
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        syncFromDatabase();
        int reapplied = 0;
        for (Map.Entry<UUID, Instant> entry : ledger.entries().entrySet()) {
            if (reapplyIfKeysCameBack(entry.getKey(), entry.getValue())) {
                reapplied++;
            }
        }
        log.info("Erasure ledger {}: {} erasures, {} carried out again", ledger.file(), ledger.entries().size(), reapplied);
    }

    /**
     * Copies into the ledger every erasure fence of the database that it misses: all of them at start-up, then those
     * raised since the last look (with an hour's margin for other nodes' clocks).
     */
    @Scheduled(fixedDelayString = "${matchmaking.erasure.poll-interval:PT10S}",
               initialDelayString = "${matchmaking.erasure.poll-interval:PT10S}")
    void syncFromDatabase() {
        Map<UUID, Instant> known = ledger.entries();
        Instant since = watermark;
        Instant[] latest = {since};
        jdbc.query("SELECT subject_id, erased_at FROM erasure_fence WHERE erased_at >= coalesce(?::timestamptz, '-infinity')",
                rs -> {
                    UUID subject = rs.getObject(1, UUID.class);
                    Instant erasedAt = rs.getTimestamp(2).toInstant();
                    if (!known.containsKey(subject)) {
                        ledger.append(subject, erasedAt);
                    }
                    if (latest[0] == null || erasedAt.isAfter(latest[0])) {
                        latest[0] = erasedAt;
                    }
                }, since == null ? null : Timestamp.from(since));
        if (latest[0] != null) {
            watermark = latest[0].minus(Duration.ofHours(1));
        }
    }

    private boolean reapplyIfKeysCameBack(UUID subject, Instant erasedAt) {
        String id = subject.toString();
        boolean keys = !jdbc.queryForList("SELECT 1 FROM subject_key WHERE subject_id = ?", Integer.class, subject).isEmpty();
        boolean member = !jdbc.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND type = 'Member'",
                Integer.class, id).isEmpty();
        boolean erasedInLog = !jdbc.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Integer.class, id, MemberErased.class.getName()).isEmpty();
        if (member && !erasedInLog) {
            commands.sendAsSystem(new ReapplyErasure(subject, erasedAt, clock.instant()), ErasureExecutor.REAPPLY_PURPOSE,
                    AuditedCommands.STARTUP);
        } else if (keys) {
            transactions.executeWithoutResult(status -> executor.erase(subject, erasedAt, clock.instant(),
                    ErasureReceipts.ERASURE_LEDGER, true));
        } else {
            return false;
        }
        log.warn("Erasure of subject {} (erased {}) carried out again: the database had its keys or its data back",
                subject, erasedAt);
        return true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
