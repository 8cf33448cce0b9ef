package com.matchmaking.app.audit;

import com.matchmaking.app.keys.ServiceSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
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

/**
 * Tamper evidence for the event log: a hash chain over the stored rows of {@code domain_event_entry}.
 *
 * <p><b>Sealing.</b> Every event gets one link, in global-index order: {@code rowHash} is the SHA-256 of the row as
 * stored (every column, length-prefixed, the ciphertext of personal fields included), and {@code link} is
 * HMAC-SHA256(key, previous link, global index, rowHash). The key is a service secret wrapped by the KEK: with write
 * access to the database alone nobody can recompute links. A checkpoint (how far, how many events, the link there,
 * MAC'd) is persisted every {@code checkpoint-every} events and at the end of every sealing run.
 * Sealing only goes as far as every lower global index is settled: it takes a brief SHARE lock on the table, which
 * waits for the transactions writing to it, reads the highest index, and lets go; a sequence value below that can no
 * longer turn up later. Writers should not queue behind it: it tries without waiting first, and only after twenty
 * tries waits, for half a second at most.
 *
 * <p><b>Verifying</b> walks the log and the chain side by side from the start and stops at the first broken link: a
 * row whose bytes changed, a linked row that is gone, a row inside the sealed range that has no link (inserted), a
 * link or checkpoint that does not verify under the key. Erasure destroys keys, not rows, so it never breaks the
 * chain. What the chain cannot show: changes made to a row before it was sealed (seconds), and the removal of the
 * newest rows together with their links and checkpoints; the log's own lines ("sealed up to") are the outside
 * witness for those.
 */
@Component
public class AuditChain {

    /** What went wrong at the first broken link. */
    public enum Problem { CHANGED, DELETED, INSERTED, CHAIN_ALTERED, CHECKPOINT_ALTERED }

    /** The first broken link. */
    public record BrokenLink(long globalIndex, Problem problem, String eventIdentifier, String aggregateIdentifier,
                             Long sequenceNumber) {
    }

    /** The outcome of a verification. */
    public record Report(boolean intact, long checkedEvents, Long sealedUpTo, int checkpointsVerified,
                         BrokenLink firstBroken, Instant verifiedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String SECRET = "audit-chain";
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

    AuditChain(JdbcTemplate jdbc, TransactionTemplate transactions, ServiceSecrets secrets, AuditChainProperties properties,
               Clock clock) {
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
        } catch (RuntimeException e) {
            log.warn("Sealing the audit chain failed ({}); the next run picks it up", e.getClass().getSimpleName());
        }
    }

    /** Links every settled event not linked yet; returns how many. */
    public long seal() {
        Long horizon = settledHorizon();
        if (horizon == null) {
            return 0;
        }
        long total = 0;
        while (true) {
            Integer sealed = transactions.execute(status -> sealPage(horizon));
            if (sealed == null || sealed == 0) {
                break;
            }
            total += sealed;
        }
        if (total > 0) {
            log.info("Audit chain sealed up to global index {} ({} new events)", horizon, total);
        }
        return total;
    }

    /**
     * The highest global index below which no event can still appear: read under a SHARE lock, which no transaction
     * inserting events holds at the same time. First without waiting (so writers never queue behind the sealer), then
     * once with a short wait.
     */
    private Long settledHorizon() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return transactions.execute(status -> {
                    jdbc.execute("LOCK TABLE domain_event_entry IN SHARE MODE NOWAIT");
                    return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
                });
            } catch (DataAccessException busy) {
                sleep(25);
            }
        }
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '500ms'");
            jdbc.execute("LOCK TABLE domain_event_entry IN SHARE MODE");
            return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        });
    }

    private int sealPage(long horizon) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('audit-chain', 0))");
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
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO audit_chain (global_index, ordinal, event_identifier, row_hash, link, sealed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", links);
        // Every run ends on a checkpoint, so the newest links are covered too.
        Object[] newest = links.get(links.size() - 1);
        if (checkpoints.isEmpty() || !checkpoints.get(checkpoints.size() - 1)[0].equals(newest[0])) {
            checkpoints.add(new Object[] {newest[0], newest[1], newest[4]});
        }
        for (Object[] checkpoint : checkpoints) {
            jdbc.update("INSERT INTO audit_chain_checkpoint (up_to_index, event_count, link, mac, created_at) VALUES (?, ?, ?, ?, ?)",
                    checkpoint[0], checkpoint[1], checkpoint[2],
                    checkpointMac(key, (Long) checkpoint[0], (Long) checkpoint[1], (byte[]) checkpoint[2]), now);
        }
        return links.size();
    }

    /** Seals what is settled, then checks the whole chain from the start. */
    public Report verify() {
        seal();
        byte[] key = key();
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
                    return broken(inserted.globalIndex(), Problem.INSERTED, inserted, checked, sealedUpTo, checkpointsVerified, now);
                }
                if (r >= rows.size() || rows.get(r).globalIndex() != link.globalIndex()) {
                    return new Report(false, checked, sealedUpTo, checkpointsVerified, new BrokenLink(link.globalIndex(),
                            Problem.DELETED, link.eventIdentifier(), null, null), now);
                }
                Row row = rows.get(r++);
                if (!MessageDigest.isEqual(row.rowHash(), link.rowHash())) {
                    return broken(row.globalIndex(), Problem.CHANGED, row, checked, sealedUpTo, checkpointsVerified, now);
                }
                byte[] expected = link(key, previous, link.globalIndex(), link.rowHash());
                if (!MessageDigest.isEqual(expected, link.link()) || link.ordinal() != checked + 1) {
                    return broken(row.globalIndex(), Problem.CHAIN_ALTERED, row, checked, sealedUpTo, checkpointsVerified, now);
                }
                previous = link.link();
                checked++;
                Checkpoint checkpoint = checkpoints.remove(link.globalIndex());
                if (checkpoint != null) {
                    if (checkpoint.eventCount() != checked || !MessageDigest.isEqual(checkpoint.link(), link.link())
                            || !MessageDigest.isEqual(checkpoint.mac(), checkpointMac(key, checkpoint.upTo(),
                            checkpoint.eventCount(), checkpoint.link()))) {
                        return broken(row.globalIndex(), Problem.CHECKPOINT_ALTERED, row, checked, sealedUpTo,
                                checkpointsVerified, now);
                    }
                    checkpointsVerified++;
                }
            }
            if (r < rows.size()) {
                Row inserted = rows.get(r);
                return broken(inserted.globalIndex(), Problem.INSERTED, inserted, checked, sealedUpTo, checkpointsVerified, now);
            }
            if (links.isEmpty()) {
                break;
            }
            cursor = upTo;
        }
        if (!checkpoints.isEmpty()) {
            long first = checkpoints.keySet().stream().min(Long::compare).orElseThrow();
            return new Report(false, checked, sealedUpTo, checkpointsVerified,
                    new BrokenLink(first, Problem.CHECKPOINT_ALTERED, null, null, null), now);
        }
        return new Report(true, checked, sealedUpTo, checkpointsVerified, null, now);
    }

    private static Report broken(long index, Problem problem, Row row, long checked, Long sealedUpTo, int checkpoints,
                                 Instant now) {
        log.warn("Audit chain broken at global index {}: {}", index, problem);
        return new Report(false, checked, sealedUpTo, checkpoints, new BrokenLink(index, problem, row.eventIdentifier(),
                row.aggregateIdentifier(), row.sequenceNumber()), now);
    }

    private Link lastLink() {
        return jdbc.query("SELECT global_index, ordinal, event_identifier, row_hash, link FROM audit_chain "
                + "ORDER BY global_index DESC LIMIT 1", (rs, i) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getBytes(4), rs.getBytes(5))).stream().findFirst().orElse(null);
    }

    private byte[] key() {
        return secrets.secret(SECRET, 32);
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

    private record Link(long globalIndex, long ordinal, String eventIdentifier, byte[] rowHash, byte[] link) {
    }

    private record Row(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                       byte[] rowHash) {
    }

    private record Checkpoint(long upTo, long eventCount, byte[] link, byte[] mac) {
    }
}
