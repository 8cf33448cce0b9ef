package com.matchmaking.app.erasure;

import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.erasure.ReapplyErasure;
import com.matchmaking.schema.purpose.Purpose;
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
import java.util.List;
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
 * A subject the database knows nothing of (a backup older than them) is left alone: nothing of theirs is there.
 * Every destroyed key group generation of the ledger (a withdrawn consent to sensitive data) that is live again in the
 * database is destroyed again. The ledger is also topped up from the database's fences and key tombstones on every
 * erasure poll, for an append a crash may have lost.
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
    private final SubjectKeyVault vault;
    private volatile boolean running;
    private volatile Instant watermark;
    private volatile Instant groupWatermark;

    ErasureLedgerCheck(ErasureLedger ledger, ErasureExecutor executor, AuditedCommands commands, JdbcTemplate jdbc,
                       TransactionTemplate transactions, Clock clock, SubjectKeyVault vault) {
        this.vault = vault;
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
        int groups = destroyGroupsThatCameBack();
        log.info("Erasure ledger {}: {} erasures, {} carried out again; {} destroyed key groups, {} destroyed again",
                ledger.file(), ledger.entries().size(), reapplied, ledger.destroyedGroups().size(), groups);
    }

    /** Destroys again every key group generation of the ledger that is live in the database (a restored backup). */
    private int destroyGroupsThatCameBack() {
        var destroyed = ledger.destroyedGroups().keySet();
        if (destroyed.isEmpty()) {
            return 0;
        }
        UUID[] subjects = destroyed.stream().map(ErasureLedger.DestroyedGroup::subject).toArray(UUID[]::new);
        String[] groups = destroyed.stream().map(ErasureLedger.DestroyedGroup::group).toArray(String[]::new);
        Integer[] generations = destroyed.stream().map(ErasureLedger.DestroyedGroup::generation).toArray(Integer[]::new);
        List<ErasureLedger.DestroyedGroup> back = jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT k.subject_id, k.key_group, k.generation FROM subject_key k "
                    + "JOIN unnest(?::uuid[], ?::text[], ?::int[]) AS l(subject_id, key_group, generation) "
                    + "ON k.subject_id = l.subject_id AND k.key_group = l.key_group AND k.generation = l.generation "
                    + "WHERE k.wrapped_keyset IS NOT NULL");
            statement.setArray(1, connection.createArrayOf("uuid", subjects));
            statement.setArray(2, connection.createArrayOf("text", groups));
            statement.setArray(3, connection.createArrayOf("int4", generations));
            return statement;
        }, (rs, i) -> new ErasureLedger.DestroyedGroup(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)));
        for (ErasureLedger.DestroyedGroup group : back) {
            transactions.executeWithoutResult(status -> vault.destroyGroup(group.subject(), group.group()));
            log.warn("Key group {} generation {} of subject {} destroyed again: the database had it back",
                    group.group(), group.generation(), group.subject());
        }
        return back.size();
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
        Map<ErasureLedger.DestroyedGroup, Instant> knownGroups = ledger.destroyedGroups();
        Instant groupsSince = groupWatermark;
        Instant[] latestGroup = {groupsSince};
        jdbc.query("SELECT subject_id, key_group, generation, destroyed_at FROM subject_key WHERE wrapped_keyset IS NULL "
                + "AND destroyed_at >= coalesce(?::timestamptz, '-infinity')", rs -> {
                    var group = new ErasureLedger.DestroyedGroup(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3));
                    Instant destroyedAt = rs.getTimestamp(4).toInstant();
                    if (!knownGroups.containsKey(group)) {
                        ledger.appendGroup(group, destroyedAt);
                    }
                    if (latestGroup[0] == null || destroyedAt.isAfter(latestGroup[0])) {
                        latestGroup[0] = destroyedAt;
                    }
                }, groupsSince == null ? null : Timestamp.from(groupsSince));
        if (latestGroup[0] != null) {
            groupWatermark = latestGroup[0].minus(Duration.ofHours(1));
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
            commands.sendAsSystem(new ReapplyErasure(subject, erasedAt, clock.instant()), Purpose.ERASURE_LEDGER_REAPPLY,
                    AuditedCommands.STARTUP);
        } else if (keys) {
            transactions.executeWithoutResult(status -> executor.erase(subject, erasedAt, clock.instant(),
                    ErasureCause.ERASURE_LEDGER, true));
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
