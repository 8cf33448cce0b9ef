package com.matchmaking.app.audit;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tamper evidence over real HTTP: the hash chain covers every stored event; a row changed, deleted or inserted
 * directly in SQL, or a link or checkpoint of the chain itself altered, is reported at the first broken link, and
 * putting the row back makes the chain whole again. Erasures destroy keys, not rows, so the chain still verifies.
 * Not in the suite's shared application: the test tampers with the log (and puts it back). Sealing runs when asked
 * (verifyAuditChain seals first), with a checkpoint every 7 events ({@link IsolatedIntegrationTest}).
 * The chain is anchored outside the database: a history changed and re-linked from inside it is caught there.
 */
@Order(4)
class AuditChainTest extends IsolatedIntegrationTest {

    private Staffing.StaffMember compliance;

    @Autowired
    private AuditChainAnchor anchor;

    @Autowired
    private AuditChain chain;

    @BeforeEach
    void officerAndMembers() {
        compliance = new Staffing(api()).cleared(Role.COMPLIANCE);
        for (int i = 0; i < 3; i++) {
            Api.Registered member = api().register(TestMembers.fresh());
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Chain-" + i)).execute()
                    .path("updateMyProfile.city").hasValue();
        }
    }

    @Test
    void theChainCoversEveryStoredEventWithCheckpointsAndStillVerifiesAfterErasures() {
        Map<String, Object> report = verify();
        assertThat(report).containsEntry("intact", true).containsEntry("firstBroken", null);
        assertThat(((Number) report.get("checkedEvents")).intValue()).isEqualTo(eventCount());
        assertThat(((Number) report.get("checkpointsVerified")).intValue()).isGreaterThanOrEqualTo(eventCount() / 7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain_checkpoint", Integer.class))
                .isEqualTo(((Number) report.get("checkpointsVerified")).intValue());
        assertThat(((Number) report.get("anchorsVerified")).intValue()).as("every checkpoint is anchored outside the database")
                .isEqualTo(((Number) report.get("checkpointsVerified")).intValue());

        List<UUID> erased = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Api.Registered member = api().register(TestMembers.fresh());
            api().as(member.token()).documentName("requestErasure").execute().path("requestErasure.state")
                    .entity(String.class).isEqualTo("PENDING");
            erased.add(member.memberId());
        }
        clock.advance(Duration.ofDays(15));
        await().atMost(Duration.ofSeconds(20)).until(() -> erased.stream().allMatch(id -> jdbc.queryForObject(
                "SELECT count(*) FROM erasure_receipt WHERE member_id = ?", Integer.class, id) == 1));
        Map<String, Object> afterErasures = verify();
        assertThat(afterErasures).containsEntry("intact", true);
        assertThat(((Number) afterErasures.get("checkedEvents")).intValue()).isEqualTo(eventCount());
    }

    @Test
    void aRowChangedInSqlIsTheFirstBrokenLinkUntilItIsPutBack() {
        assertThat(verify()).containsEntry("intact", true);
        long index = someSealedMemberEvent();
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, index);
        byte[] tampered = Arrays.copyOf(original, original.length);
        tampered[tampered.length / 2] ^= 0x01;
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", tampered, index);

        Map<String, Object> report = verify();
        assertThat(report).containsEntry("intact", false);
        assertThat(broken(report)).containsEntry("globalIndex", (int) index).containsEntry("problem", "CHANGED")
                .containsEntry("eventIdentifier", eventIdentifier(index));
        assertThat(((Number) report.get("checkedEvents")).intValue()).isEqualTo(eventsBefore(index));

        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, index);
        assertThat(verify()).containsEntry("intact", true);

        jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'graphql', 'graphqL'), 'UTF8') WHERE global_index = ?", index);
        assertThat(broken(verify())).as("the metadata is part of the stored bytes")
                .containsEntry("globalIndex", (int) index).containsEntry("problem", "CHANGED");
        jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'graphqL', 'graphql'), 'UTF8') WHERE global_index = ?", index);
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void aRowDeletedInSqlIsReportedWhereItWas() {
        assertThat(verify()).containsEntry("intact", true);
        long index = someSealedMemberEvent();
        String identifier = eventIdentifier(index);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", index);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", index);

        Map<String, Object> report = verify();
        assertThat(report).containsEntry("intact", false);
        assertThat(broken(report)).containsEntry("globalIndex", (int) index).containsEntry("problem", "DELETED")
                .containsEntry("eventIdentifier", identifier);

        insert(row);
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void aRowInsertedInSqlIntoSealedHistoryIsReported() {
        // A gap inside the sealed range, as a rolled-back transaction leaves one, then more events after it.
        long gap = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        Api.Registered later = api().register(TestMembers.fresh());
        assertThat(verify()).containsEntry("intact", true);

        Map<String, Object> forged = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY global_index LIMIT 1", later.memberId().toString());
        forged.put("global_index", gap);
        forged.put("aggregate_identifier", UUID.randomUUID().toString());
        forged.put("event_identifier", UUID.randomUUID().toString());
        insert(forged);

        Map<String, Object> report = verify();
        assertThat(report).containsEntry("intact", false);
        assertThat(broken(report)).containsEntry("globalIndex", (int) gap).containsEntry("problem", "INSERTED");

        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", gap);
        assertThat(verify()).containsEntry("intact", true);
    }

    /**
     * Autovacuum holds the log's table in SHARE UPDATE EXCLUSIVE mode (for minutes after a bulk load) while events are
     * still inserted beside it: sealing goes on. A SHARE lock on the table, as the sealer took before, waited for it.
     */
    @Test
    void sealingGoesOnWhileAVacuumHoldsTheLog() throws Exception {
        try (Connection vacuum = jdbc.getDataSource().getConnection()) {
            vacuum.setAutoCommit(false);
            try (Statement statement = vacuum.createStatement()) {
                statement.execute("LOCK TABLE domain_event_entry IN SHARE UPDATE EXCLUSIVE MODE");
            }
            api().register(TestMembers.fresh());
            assertThat(chain.seal()).as("events sealed while the table is being vacuumed").isPositive();
            vacuum.rollback();
        }
        assertThat(verify()).containsEntry("intact", true);
    }

    /**
     * An insert not committed yet holds a global index below events committed after it: the sealer must not link past
     * it, or the row would later turn up inside the sealed range (reported as inserted).
     */
    @Test
    void sealingWaitsForAnInsertNotCommittedYet() throws Exception {
        assertThat(verify()).containsEntry("intact", true);
        long inFlight;
        try (Connection writer = jdbc.getDataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT ?, sequence_number, type, ?, meta_data, payload, payload_revision, payload_type, time_stamp
                    FROM domain_event_entry ORDER BY global_index LIMIT 1 RETURNING global_index""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                try (ResultSet index = insert.executeQuery()) {
                    index.next();
                    inFlight = index.getLong(1);
                }
            }
            api().register(TestMembers.fresh());
            assertThat(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class))
                    .as("an event committed after the open insert").isGreaterThan(inFlight);
            try {
                chain.seal();
            } catch (DataAccessException waited) {
                // The writer held its lock past the sealer's wait: the next run seals.
            }
            assertThat(jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit_chain", Long.class))
                    .as("nothing linked past the open insert").isLessThan(inFlight);
            writer.rollback();
        }
        assertThat(chain.seal()).isPositive();
        assertThat(verify()).containsEntry("intact", true);
    }

    @Test
    void theChainItselfCannotBeAlteredUnseen() {
        assertThat(verify()).containsEntry("intact", true);
        long index = someSealedMemberEvent();
        byte[] link = jdbc.queryForObject("SELECT link FROM audit_chain WHERE global_index = ?", byte[].class, index);
        jdbc.update("UPDATE audit_chain SET link = ? WHERE global_index = ?", new byte[32], index);
        assertThat(broken(verify())).containsEntry("globalIndex", (int) index).containsEntry("problem", "CHAIN_ALTERED");
        jdbc.update("UPDATE audit_chain SET link = ? WHERE global_index = ?", link, index);
        assertThat(verify()).containsEntry("intact", true);

        Map<String, Object> checkpoint = jdbc.queryForMap("SELECT checkpoint_id, up_to_index, event_count FROM "
                + "audit_chain_checkpoint ORDER BY checkpoint_id LIMIT 1");
        jdbc.update("UPDATE audit_chain_checkpoint SET event_count = event_count + 1 WHERE checkpoint_id = ?",
                checkpoint.get("checkpoint_id"));
        assertThat(broken(verify())).containsEntry("globalIndex", ((Number) checkpoint.get("up_to_index")).intValue())
                .containsEntry("problem", "CHECKPOINT_ALTERED");
        jdbc.update("UPDATE audit_chain_checkpoint SET event_count = event_count - 1 WHERE checkpoint_id = ?",
                checkpoint.get("checkpoint_id"));
        assertThat(verify()).containsEntry("intact", true);
    }

    /**
     * The attack of someone who can write to PostgreSQL: change a sealed event, delete the chain (links and
     * checkpoints) from that event on, and let the sealer re-link everything with the real key. The sealer refuses,
     * and verification reports the first anchored position the database no longer agrees with.
     */
    @Test
    void aHistoryChangedAndRelinkedFromInsideTheDatabaseIsCaughtByTheAnchor() {
        assertThat(verify()).containsEntry("intact", true);
        long index = someSealedMemberEvent();
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, index);
        List<Map<String, Object>> links = jdbc.queryForList("SELECT * FROM audit_chain WHERE global_index >= ?", index);
        List<Map<String, Object>> checkpoints = jdbc.queryForList("SELECT * FROM audit_chain_checkpoint WHERE up_to_index >= ?", index);
        Long firstAnchoredFromThere = anchor.entries().ceilingKey(index);
        assertThat(firstAnchoredFromThere).as("the chain from the event on is anchored").isNotNull();

        byte[] tampered = Arrays.copyOf(original, original.length);
        tampered[tampered.length / 2] ^= 0x01;
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", tampered, index);
        jdbc.update("DELETE FROM audit_chain WHERE global_index >= ?", index);
        jdbc.update("DELETE FROM audit_chain_checkpoint WHERE up_to_index >= ?", index);

        chain.sealOnSchedule();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE global_index >= ?", Integer.class, index))
                .as("the sealer does not re-link the changed history").isZero();
        Map<String, Object> report = verify();
        assertThat(report).containsEntry("intact", false);
        assertThat(broken(report)).containsEntry("globalIndex", firstAnchoredFromThere.intValue())
                .containsEntry("problem", "ANCHOR_MISMATCH");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE global_index >= ?", Integer.class, index))
                .as("verifying does not re-link it either").isZero();

        // Put the history and its chain back: the database agrees with the anchor again.
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, index);
        for (Map<String, Object> link : links) {
            jdbc.update("INSERT INTO audit_chain (global_index, ordinal, event_identifier, row_hash, link, sealed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", link.get("global_index"), link.get("ordinal"), link.get("event_identifier"),
                    link.get("row_hash"), link.get("link"), link.get("sealed_at"));
        }
        for (Map<String, Object> checkpoint : checkpoints) {
            jdbc.update("INSERT INTO audit_chain_checkpoint (checkpoint_id, up_to_index, event_count, link, mac, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", checkpoint.get("checkpoint_id"), checkpoint.get("up_to_index"),
                    checkpoint.get("event_count"), checkpoint.get("link"), checkpoint.get("mac"), checkpoint.get("created_at"));
        }
        assertThat(verify()).containsEntry("intact", true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return api().as(compliance.token()).documentName("verifyAuditChain").execute().path("verifyAuditChain")
                .entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> broken(Map<String, Object> report) {
        assertThat(report).containsEntry("intact", false);
        return (Map<String, Object>) report.get("firstBroken");
    }

    /** A member event in the middle of the sealed chain. */
    private long someSealedMemberEvent() {
        List<Long> indexes = jdbc.queryForList("""
                SELECT e.global_index FROM domain_event_entry e JOIN audit_chain c USING (global_index)
                WHERE e.type = 'Member' ORDER BY e.global_index""", Long.class);
        return indexes.get(indexes.size() / 2);
    }

    private String eventIdentifier(long index) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?", String.class, index);
    }

    private int eventsBefore(long index) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index < ?", Integer.class, index);
    }

    private void insert(Map<String, Object> row) {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, row.get("global_index"), row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"),
                row.get("event_identifier"), row.get("meta_data"), row.get("payload"), row.get("payload_revision"),
                row.get("payload_type"), row.get("time_stamp"));
    }
}
