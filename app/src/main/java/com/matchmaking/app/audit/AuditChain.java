package com.matchmaking.app.audit;

import com.matchmaking.app.secrets.ServiceSecrets;
import com.matchmaking.app.secrets.StartupSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Tamper evidence for the event log: a hash chain over the stored rows of {@code domain_event_entry}.
 *
 * <p><b>Sealing.</b> Every event gets one link, in global-index order: {@code rowHash} is the SHA-256 of the row as
 * stored (every column, length-prefixed, the ciphertext of personal fields included), and {@code link} is
 * HMAC-SHA256(key, previous link, global index, rowHash). The key is a service secret wrapped by the KEK: with write
 * access to the database alone nobody can recompute links. A checkpoint (how far, how many events, the link there,
 * MAC'd) is persisted every {@code checkpoint-every} events and at the end of every sealing run.
 * Sealing only goes as far as every lower global index is settled: every statement inserting into the log holds a
 * shared advisory lock to its commit, taken by a trigger before the row's index is drawn (migration V39); the sealer
 * takes that lock exclusively for an instant, which waits for the transactions writing to the log, reads the highest
 * index, and lets go; a sequence value below that can no longer turn up later. Writers should not queue behind it: it
 * tries without waiting first, and only after twenty tries waits, for half a second at most. (A SHARE lock on the
 * table did the same, but also waited for VACUUM and ANALYZE of the table, which after a bulk load run for minutes.)
 *
 * <p><b>Verifying</b> walks the log and the chain side by side from the start and stops at the first broken link: a
 * row whose bytes changed, a linked row that is gone, a row inside the sealed range that has no link (inserted), a
 * link or checkpoint that does not verify under the key. Erasure destroys keys, not rows, so it never breaks the
 * chain. What the chain cannot show: changes made to a row before it was sealed (seconds).
 *
 * <p><b>Anchoring.</b> The key lives in the database too (wrapped), so someone who can write there could change an
 * event, delete the chain from it on, and the sealer would re-link everything with the real key. Every checkpoint is
 * therefore also appended to a file outside the database ({@link AuditChainAnchor}). Before sealing, the sealer checks
 * that the chain still holds the newest anchored link (same position, same count, same bytes): since links chain, that
 * vouches for everything below it. If not, it refuses to seal, and logs an alert (positions only). Verification
 * compares every anchored checkpoint with the chain and reports the first position where they disagree
 * ({@link Problem#ANCHOR_MISMATCH}), also when the database lost the chain the anchor recorded.
 */
@Component
@Order(1)
public class AuditChain implements StartupSecret {

    /** What went wrong at the first broken link. */
    public enum Problem { CHANGED, DELETED, INSERTED, CHAIN_ALTERED, CHECKPOINT_ALTERED, ANCHOR_MISMATCH }

    /** The first broken link. */
    public record BrokenLink(long globalIndex, Problem problem, String eventIdentifier, String aggregateIdentifier,
                             Long sequenceNumber) {
    }

    /** The outcome of a verification. */
    public record Report(boolean intact, long checkedEvents, Long sealedUpTo, int checkpointsVerified,
                         BrokenLink firstBroken, Instant verifiedAt, int anchorsVerified) {
    }

    /** The sealer's refusal: the chain in the database no longer holds what the anchor recorded. */
    static final class AnchorDisagreement extends RuntimeException {
        final long globalIndex;

        AnchorDisagreement(long globalIndex) {
            super("The audit chain in the database disagrees with its anchor at global index " + globalIndex);
            this.globalIndex = globalIndex;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String SECRET = ServiceSecrets.AUDIT_CHAIN;
    private static final int PAGE = 1000;
    private static final byte[] GENESIS = new byte[32];
    private static final String ROW_COLUMNS = """
            global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
            payload_revision, payload_type, time_stamp""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ServiceSecrets secrets;
    private final AuditChainProperties properties;
    private final Clock clock;
    private final AuditChainAnchor anchor;
    private volatile long alertedAt = Long.MIN_VALUE;

    AuditChain(JdbcTemplate jdbc, TransactionTemplate transactions, ServiceSecrets secrets, AuditChainProperties properties,
               Clock clock, AuditChainAnchor anchor) {
        this.anchor = anchor;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${matchmaking.audit-chain.seal-interval:PT5S}",
               initialDelayString = "${matchmaking.audit-chain.seal-interval:PT5S}")
    void sealOnSchedule() {
        try {
            seal();
        } catch (AnchorDisagreement refused) {
            // Logged by seal() itself.
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                // lock_not_available: transactions writing to the log held it past the wait; nothing is wrong.
                log.info("Sealing the audit chain waits for transactions writing to the event log; the next run seals");
            } else {
                log.warn("Sealing the audit chain failed ({}); the next run picks it up", e.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the audit chain failed ({}); the next run picks it up", e.getClass().getSimpleName());
        }
    }

    /**
     * Links every settled event not linked yet; returns how many.
     *
     * @throws AnchorDisagreement when the chain in the database no longer holds the newest anchored link
     */
    public long seal() {
        Long horizon = settledHorizon();
        if (horizon == null) {
            return 0;
        }
        long total = 0;
        while (true) {
            Page page;
            try {
                page = transactions.execute(status -> sealPage(horizon));
            } catch (AnchorDisagreement refused) {
                if (alertedAt != refused.globalIndex) {
                    alertedAt = refused.globalIndex;
                    log.error("AUDIT CHAIN ALERT: the chain in the database no longer agrees with the anchor {} at global "
                            + "index {}; sealing stopped until an operator investigates", anchor.file(), refused.globalIndex);
                }
                throw refused;
            }
            if (page == null || page.sealed() == 0) {
                break;
            }
            // After the commit: the anchor never holds a link the database rolled back.
            anchor.append(page.checkpoints());
            total += page.sealed();
        }
        if (total > 0) {
            log.info("Audit chain sealed up to global index {} ({} new events)", horizon, total);
        }
        return total;
    }

    /** The lock every statement inserting into the log holds, shared, to its commit (migration V39). */
    private static final String WRITERS = "hashtext('audit_chain'), hashtext('domain_event_entry')";

    /**
     * The highest global index below which no event can still appear: read holding the writers' lock exclusively,
     * which no transaction inserting events holds at the same time. First without waiting (so writers never queue
     * behind the sealer), then once with a short wait.
     */
    private Long settledHorizon() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Long[] horizon = transactions.execute(status ->
                    Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(" + WRITERS + ")", Boolean.class))
                            ? new Long[] {jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class)}
                            : null);
            if (horizon != null) {
                return horizon[0];
            }
            sleep(25);
        }
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '500ms'");
            jdbc.queryForList("SELECT pg_advisory_xact_lock(" + WRITERS + ")");
            return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        });
    }

    private Page sealPage(long horizon) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('audit-chain', 0))");
        requireAnchoredLink();
        Link last = lastLink();
        byte[] key = key();
        List<Object[]> links = new ArrayList<>();
        List<Object[]> checkpoints = new ArrayList<>();
        byte[][] previous = {last == null ? GENESIS : last.link()};
        long[] ordinal = {last == null ? 0 : last.ordinal()};
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query("SELECT " + ROW_COLUMNS + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? "
                + "ORDER BY global_index LIMIT " + PAGE, rs -> {
            long index = rs.getLong("global_index");
            byte[] rowHash = rowHash(rs);
            byte[] link = link(key, previous[0], index, rowHash);
            ordinal[0]++;
            links.add(new Object[] {index, ordinal[0], rs.getString("event_identifier"), rowHash, link, now});
            previous[0] = link;
            if (ordinal[0] % properties.checkpointEvery() == 0) {
                checkpoints.add(new Object[] {index, ordinal[0], link});
            }
        }, last == null ? Long.MIN_VALUE : last.globalIndex(), horizon);
        if (links.isEmpty()) {
            return new Page(0, List.of());
        }
        jdbc.batchUpdate("INSERT INTO audit_chain (global_index, ordinal, event_identifier, row_hash, link, sealed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", links);
        // Every run ends on a checkpoint, so the newest links are covered too.
        Object[] newest = links.get(links.size() - 1);
        if (checkpoints.isEmpty() || !checkpoints.get(checkpoints.size() - 1)[0].equals(newest[0])) {
            checkpoints.add(new Object[] {newest[0], newest[1], newest[4]});
        }
        List<AuditChainAnchor.Entry> anchored = new ArrayList<>();
        for (Object[] checkpoint : checkpoints) {
            jdbc.update("INSERT INTO audit_chain_checkpoint (up_to_index, event_count, link, mac, created_at) VALUES (?, ?, ?, ?, ?)",
                    checkpoint[0], checkpoint[1], checkpoint[2],
                    checkpointMac(key, (Long) checkpoint[0], (Long) checkpoint[1], (byte[]) checkpoint[2]), now);
            anchored.add(new AuditChainAnchor.Entry((Long) checkpoint[0], (Long) checkpoint[1], (byte[]) checkpoint[2],
                    now.toInstant()));
        }
        return new Page(links.size(), anchored);
    }

    /**
     * The chain must still hold the newest anchored link, at the same position and count. Links chain, so that one
     * vouches for every link below it; a chain deleted from some event on and re-linked would not have it.
     */
    private void requireAnchoredLink() {
        AuditChainAnchor.Entry latest = anchor.latest();
        if (latest == null) {
            return;
        }
        List<Link> found = jdbc.query("SELECT global_index, ordinal, event_identifier, row_hash, link FROM audit_chain "
                + "WHERE global_index = ?", (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getBytes(4), rs.getBytes(5)), latest.upTo());
        if (found.isEmpty() || found.get(0).ordinal() != latest.events()
                || !MessageDigest.isEqual(found.get(0).link(), latest.link())) {
            throw new AnchorDisagreement(latest.upTo());
        }
    }

    /** Seals what is settled, then checks the whole chain from the start. */
    public Report verify() {
        try {
            seal();
        } catch (AnchorDisagreement refused) {
            // Reported below, at the first anchored position the chain disagrees with.
        }
        byte[] key = key();
        NavigableMap<Long, AuditChainAnchor.Entry> anchored = anchor.entries();
        int[] anchorsVerified = {0};
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        jdbc.query("SELECT up_to_index, event_count, link, mac FROM audit_chain_checkpoint", rs -> {
            checkpoints.put(rs.getLong(1), new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4)));
        });
        Long sealedUpTo = jdbc.queryForObject("SELECT max(global_index) FROM audit_chain", Long.class);
        Instant now = clock.instant();
        byte[] previous = GENESIS;
        long checked = 0;
        int checkpointsVerified = 0;
        long cursor = Long.MIN_VALUE;
        while (true) {
            List<Link> links = jdbc.query("SELECT global_index, ordinal, event_identifier, row_hash, link FROM audit_chain "
                    + "WHERE global_index > ? ORDER BY global_index LIMIT " + PAGE, (rs, i) -> new Link(rs.getLong(1),
                    rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5)), cursor);
            long upTo = links.isEmpty() ? (sealedUpTo == null ? Long.MIN_VALUE : sealedUpTo) : links.get(links.size() - 1).globalIndex();
            List<Row> rows = jdbc.query("SELECT " + ROW_COLUMNS + " FROM domain_event_entry WHERE global_index > ? "
                    + "AND global_index <= ? ORDER BY global_index", (rs, i) -> new Row(rs.getLong("global_index"),
                    rs.getString("event_identifier"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                    rowHash(rs)), cursor, upTo);
            int r = 0;
            for (Link link : links) {
                if (r < rows.size() && rows.get(r).globalIndex() < link.globalIndex()) {
                    Row inserted = rows.get(r);
                    return broken(inserted.globalIndex(), Problem.INSERTED, inserted, checked, sealedUpTo, checkpointsVerified, now,
                            anchorsVerified[0]);
                }
                if (r >= rows.size() || rows.get(r).globalIndex() != link.globalIndex()) {
                    return new Report(false, checked, sealedUpTo, checkpointsVerified, new BrokenLink(link.globalIndex(),
                            Problem.DELETED, link.eventIdentifier(), null, null), now, anchorsVerified[0]);
                }
                Row row = rows.get(r++);
                if (!MessageDigest.isEqual(row.rowHash(), link.rowHash())) {
                    return broken(row.globalIndex(), Problem.CHANGED, row, checked, sealedUpTo, checkpointsVerified, now,
                            anchorsVerified[0]);
                }
                byte[] expected = link(key, previous, link.globalIndex(), link.rowHash());
                if (!MessageDigest.isEqual(expected, link.link()) || link.ordinal() != checked + 1) {
                    return broken(row.globalIndex(), Problem.CHAIN_ALTERED, row, checked, sealedUpTo, checkpointsVerified, now,
                            anchorsVerified[0]);
                }
                previous = link.link();
                checked++;
                AuditChainAnchor.Entry anchoredHere = anchored.remove(link.globalIndex());
                if (anchoredHere != null) {
                    if (anchoredHere.events() != checked || !MessageDigest.isEqual(anchoredHere.link(), link.link())) {
                        return broken(row.globalIndex(), Problem.ANCHOR_MISMATCH, row, checked, sealedUpTo,
                                checkpointsVerified, now, anchorsVerified[0]);
                    }
                    anchorsVerified[0]++;
                }
                Checkpoint checkpoint = checkpoints.remove(link.globalIndex());
                if (checkpoint != null) {
                    if (checkpoint.eventCount() != checked || !MessageDigest.isEqual(checkpoint.link(), link.link())
                            || !MessageDigest.isEqual(checkpoint.mac(), checkpointMac(key, checkpoint.upTo(),
                            checkpoint.eventCount(), checkpoint.link()))) {
                        return broken(row.globalIndex(), Problem.CHECKPOINT_ALTERED, row, checked, sealedUpTo,
                                checkpointsVerified, now, anchorsVerified[0]);
                    }
                    checkpointsVerified++;
                }
            }
            if (r < rows.size()) {
                Row inserted = rows.get(r);
                return broken(inserted.globalIndex(), Problem.INSERTED, inserted, checked, sealedUpTo, checkpointsVerified, now,
                            anchorsVerified[0]);
            }
            if (links.isEmpty()) {
                break;
            }
            cursor = upTo;
        }
        if (!anchored.isEmpty()) {
            // The anchor recorded links the database's chain no longer has: it was cut back (and maybe re-linked).
            long first = anchored.firstKey();
            log.warn("Audit chain broken at global index {}: {}", first, Problem.ANCHOR_MISMATCH);
            Row row = jdbc.query("SELECT " + ROW_COLUMNS + " FROM domain_event_entry WHERE global_index = ?",
                    (rs, i) -> new Row(rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), null), first)
                    .stream().findFirst().orElse(null);
            return new Report(false, checked, sealedUpTo, checkpointsVerified, new BrokenLink(first,
                    Problem.ANCHOR_MISMATCH, row == null ? null : row.eventIdentifier(),
                    row == null ? null : row.aggregateIdentifier(), row == null ? null : row.sequenceNumber()), now,
                    anchorsVerified[0]);
        }
        if (!checkpoints.isEmpty()) {
            long first = checkpoints.keySet().stream().min(Long::compare).orElseThrow();
            return new Report(false, checked, sealedUpTo, checkpointsVerified,
                    new BrokenLink(first, Problem.CHECKPOINT_ALTERED, null, null, null), now, anchorsVerified[0]);
        }
        return new Report(true, checked, sealedUpTo, checkpointsVerified, null, now, anchorsVerified[0]);
    }

    private static Report broken(long index, Problem problem, Row row, long checked, Long sealedUpTo, int checkpoints,
                                 Instant now, int anchors) {
        log.warn("Audit chain broken at global index {}: {}", index, problem);
        return new Report(false, checked, sealedUpTo, checkpoints, new BrokenLink(index, problem, row.eventIdentifier(),
                row.aggregateIdentifier(), row.sequenceNumber()), now, anchors);
    }

    private Link lastLink() {
        return jdbc.query("SELECT global_index, ordinal, event_identifier, row_hash, link FROM audit_chain "
                + "ORDER BY global_index DESC LIMIT 1", (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getBytes(4), rs.getBytes(5))).stream().findFirst().orElse(null);
    }

    private byte[] key() {
        return secrets.secret(SECRET, 32);
    }

    /**
     * Opens the chain's key at start-up. It is made only for a database that has never had a chain: no events, no
     * links, and nothing anchored outside it. Otherwise a missing key stops the application (a new key would let
     * whoever deleted the old one have a rewritten history re-linked).
     */
    @Override
    public void open(boolean freshDatabase) {
        secrets.secret(SECRET, 32, () -> freshDatabase && anchor.isEmpty()
                && !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM audit_chain)", Boolean.class)));
    }

    /** SHA-256 over every column of the row as stored, each length-prefixed (-1 for null). */
    static byte[] rowHash(ResultSet rs) throws SQLException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            feed(sha, Long.toString(rs.getLong("global_index")));
            feed(sha, rs.getString("aggregate_identifier"));
            feed(sha, Long.toString(rs.getLong("sequence_number")));
            feed(sha, rs.getString("type"));
            feed(sha, rs.getString("event_identifier"));
            feed(sha, rs.getBytes("meta_data"));
            feed(sha, rs.getBytes("payload"));
            feed(sha, rs.getString("payload_revision"));
            feed(sha, rs.getString("payload_type"));
            feed(sha, rs.getString("time_stamp"));
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void feed(MessageDigest sha, String value) {
        feed(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void feed(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static byte[] link(byte[] key, byte[] previous, long globalIndex, byte[] rowHash) {
        Mac mac = mac(key);
        mac.update(previous);
        mac.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        mac.update(rowHash);
        return mac.doFinal();
    }

    private static byte[] checkpointMac(byte[] key, long upTo, long count, byte[] link) {
        Mac mac = mac(key);
        mac.update("checkpoint".getBytes(StandardCharsets.UTF_8));
        mac.update(ByteBuffer.allocate(16).putLong(upTo).putLong(count).array());
        mac.update(link);
        return mac.doFinal();
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Page(int sealed, List<AuditChainAnchor.Entry> checkpoints) {
    }

    private record Link(long globalIndex, long ordinal, String eventIdentifier, byte[] rowHash, byte[] link) {
    }

    private record Row(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       byte[] rowHash) {
    }

    private record Checkpoint(long upTo, long eventCount, byte[] link, byte[] mac) {
    }
}
