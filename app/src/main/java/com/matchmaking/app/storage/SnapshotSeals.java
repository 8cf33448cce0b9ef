package com.matchmaking.app.storage;

import com.matchmaking.app.secrets.ServiceSecrets;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;

/**
 * Snapshots are verified before use: every stored snapshot gets an HMAC-SHA256 over its stored bytes (aggregate,
 * sequence number, type, payload and metadata as serialized, ciphertext included), under a service secret wrapped by
 * the KEK, kept in {@code snapshot_seal}. A snapshot without a MAC that verifies (changed in SQL, copied to another
 * aggregate or sequence number, or written before seals existed) is not used: the aggregate is sourced from its events.
 * An older genuine snapshot put back is harmless: the events after it are replayed on top.
 *
 * <p>The key may be made at any time: a new key only makes existing snapshots unverifiable, which costs a replay.
 */
@Component
class SnapshotSeals {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSeals.class);
    private static final String SECRET = "snapshot-seal";

    private final JdbcTemplate jdbc;
    private final ServiceSecrets secrets;

    SnapshotSeals(JdbcTemplate jdbc, ServiceSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Seals a snapshot just stored, and forgets the seals of the older snapshots Axon has replaced. */
    void seal(DomainEventData<?> snapshot) {
        jdbc.update("DELETE FROM snapshot_seal WHERE aggregate_identifier = ? AND sequence_number <= ?",
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        jdbc.update("INSERT INTO snapshot_seal (aggregate_identifier, sequence_number, mac) VALUES (?, ?, ?)",
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), mac(snapshot));
    }

    /** Whether the snapshot is exactly as it was stored. */
    boolean verifies(DomainEventData<?> snapshot) {
        List<byte[]> stored = jdbc.queryForList("SELECT mac FROM snapshot_seal WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        boolean verifies = !stored.isEmpty() && MessageDigest.isEqual(stored.get(0), mac(snapshot));
        if (!verifies) {
            log.warn("Snapshot of aggregate {} at sequence {} does not verify: sourced from its events instead",
                    snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        }
        return verifies;
    }

    private byte[] mac(DomainEventData<?> snapshot) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret(SECRET, 32), "HmacSHA256"));
            feed(mac, snapshot.getAggregateIdentifier());
            feed(mac, Long.toString(snapshot.getSequenceNumber()));
            feed(mac, snapshot.getType());
            feed(mac, snapshot.getEventIdentifier());
            feed(mac, snapshot.getTimestamp() == null ? null : snapshot.getTimestamp().toString());
            feed(mac, snapshot.getPayload().getType().getName());
            feed(mac, snapshot.getPayload().getType().getRevision());
            feed(mac, bytes(snapshot.getPayload()));
            feed(mac, bytes(snapshot.getMetaData()));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] bytes(SerializedObject<?> serialized) {
        if (serialized == null || serialized.getData() == null) {
            return null;
        }
        Object data = serialized.getData();
        if (data instanceof byte[] raw) {
            return raw;
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void feed(Mac mac, String value) {
        feed(mac, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void feed(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            mac.update(value);
        }
    }
}
