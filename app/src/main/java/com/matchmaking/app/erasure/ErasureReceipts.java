package com.matchmaking.app.erasure;

import com.matchmaking.schema.erasure.ErasureCause;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Receipts of erasures: what was destroyed and when, without any personal data. */
@Repository
public class ErasureReceipts {

    /** One erasure's receipt. */
    public record Receipt(UUID receiptId, UUID memberId, Instant requestedAt, Instant erasedAt,
                          List<String> keyGroupsDestroyed, int snapshotsDeleted, int deadLettersPurged,
                          int sagasEnded, boolean loginRemoved, ErasureCause cause, Instant reappliedAt, int reapplications) {
    }

    private static final RowMapper<Receipt> RECEIPT = (rs, i) -> new Receipt(
            rs.getObject("receipt_id", UUID.class),
            rs.getObject("member_id", UUID.class),
            rs.getTimestamp("requested_at").toInstant(),
            rs.getTimestamp("erased_at").toInstant(),
            Arrays.asList((String[]) rs.getArray("key_groups").getArray()),
            rs.getInt("snapshots_deleted"),
            rs.getInt("dead_letters_purged"),
            rs.getInt("sagas_ended"),
            rs.getBoolean("login_removed"),
            ErasureCause.valueOf(rs.getString("cause")),
            rs.getTimestamp("reapplied_at") == null ? null : rs.getTimestamp("reapplied_at").toInstant(),
            rs.getInt("reapplications"));

    private final JdbcTemplate jdbc;

    ErasureReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Receipt> forMember(UUID memberId) {
        return jdbc.query("SELECT * FROM erasure_receipt WHERE member_id = ?", RECEIPT, memberId).stream().findFirst();
    }

    /**
     * Writes the receipt; a receipt for the member that is already there (the erasure carried out again after a
     * restore) is kept, and counts one more re-application at the receipt's erasure time.
     */
    void write(Receipt receipt) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO erasure_receipt (receipt_id, member_id, requested_at, erased_at, key_groups,
                        snapshots_deleted, dead_letters_purged, sagas_ended, login_removed, cause, reapplied_at, reapplications)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (member_id) DO UPDATE SET reapplied_at = EXCLUDED.erased_at,
                        reapplications = erasure_receipt.reapplications + 1
                    """);
            statement.setObject(1, receipt.receiptId());
            statement.setObject(2, receipt.memberId());
            statement.setTimestamp(3, Timestamp.from(receipt.requestedAt()));
            statement.setTimestamp(4, Timestamp.from(receipt.erasedAt()));
            statement.setArray(5, connection.createArrayOf("text", receipt.keyGroupsDestroyed().toArray()));
            statement.setInt(6, receipt.snapshotsDeleted());
            statement.setInt(7, receipt.deadLettersPurged());
            statement.setInt(8, receipt.sagasEnded());
            statement.setBoolean(9, receipt.loginRemoved());
            statement.setString(10, receipt.cause().name());
            statement.setTimestamp(11, receipt.reappliedAt() == null ? null : Timestamp.from(receipt.reappliedAt()));
            statement.setInt(12, receipt.reapplications());
            return statement;
        });
    }
}
