package com.matchmaking.keys.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.TinkProtoKeysetFormat;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes sure a node uses the KEK the database's keys are wrapped with, before anything else touches a key. The
 * database holds one check value wrapped by that KEK (table {@code kek_check}); a node whose KEK does not open it, or
 * that has no KEK at all beside a database that already holds keys, stops at start with a message saying what to
 * configure, and never creates a KEK there. Only a database without any key gets a new KEK (when the caller allows
 * creating one) and its check value.
 *
 * <p>Nodes starting together on a new database take turns on an advisory lock: the first creates the KEK and the
 * check value, the others find the check value and must open it. A database from before the check value existed is
 * checked against one stored lookup key or member keyset, and then gets its check value.
 */
public final class KekCheck {

    private static final byte[] CONTEXT = "kek-check".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KekCheck() {
    }

    /** Where the node's KEK comes from: an existing one if there is one, and how to make a new one. */
    public interface Source {

        /** The node's configured KEK, or empty when there is none yet (no local keyset file). */
        Optional<KekProvider> existing();

        /** A new KEK, made and saved; called only when the database holds no key at all. */
        KekProvider create();

        /** Where the KEK was looked for, for messages (a file path or a KMS key URI; never key material). */
        String describe();
    }

    /**
     * The node's KEK, once it is known to be the database's.
     *
     * @param remedy what the operator should configure, named setting by setting; ends every refusal's message
     * @throws KekMismatchException when the node's KEK is missing or does not open the database's keys
     */
    public static KekProvider establish(DataSource dataSource, Source source, Clock clock, String remedy) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                KekProvider kek = establish(connection, source, clock, remedy);
                connection.commit();
                return kek;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the key-encryption key against the database", e);
        }
    }

    private static KekProvider establish(Connection connection, Source source, Clock clock, String remedy)
            throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(hashtextextended('kek_check', 0))");
        }
        byte[] check = null;
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT wrapped_value FROM kek_check WHERE id = 1")) {
            if (rs.next()) {
                check = rs.getBytes(1);
            }
        }
        boolean keysStored = check != null || anyKeyStored(connection);
        Optional<KekProvider> existing = source.existing();
        if (existing.isEmpty() && keysStored) {
            throw new KekMismatchException("This database already holds keys wrapped by a key-encryption key, and "
                    + "this node has none (" + source.describe() + "); no new one was created. " + remedy);
        }
        KekProvider kek = existing.orElseGet(source::create);
        if (check != null) {
            if (!opens(kek.kek(), check)) {
                throw mismatch(kek, remedy);
            }
            return kek;
        }
        if (keysStored && !opensAStoredKey(connection, kek.kek())) {
            throw mismatch(kek, remedy);
        }
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kek_check (id, wrapped_value, created_at) VALUES (1, ?, ?)")) {
            insert.setBytes(1, kek.kek().encrypt(value, CONTEXT));
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the key-encryption key from " + kek.describe(), e);
        }
        return kek;
    }

    /**
     * Whether this KEK still opens the database's check value (for health checks); true when there is none yet.
     *
     * @throws IllegalStateException when the database cannot be read
     */
    public static boolean matches(DataSource dataSource, KekProvider kek) {
        try (Connection connection = dataSource.getConnection(); Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT wrapped_value FROM kek_check WHERE id = 1")) {
            return !rs.next() || opens(kek.kek(), rs.getBytes(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the KEK check value", e);
        }
    }

    private static KekMismatchException mismatch(KekProvider kek, String remedy) {
        return new KekMismatchException("The key-encryption key from " + kek.describe() + " does not open the keys "
                + "this database already holds: every node must use the same one. " + remedy);
    }

    private static boolean opens(Aead kek, byte[] check) {
        try {
            kek.decrypt(check, CONTEXT);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A database from before the check value: one lookup key or live member keyset must open with this KEK. */
    private static boolean opensAStoredKey(Connection connection, Aead kek) throws SQLException {
        Optional<Supplier<Boolean>> attempt = Optional.empty();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT purpose, wrapped_keyset FROM lookup_key LIMIT 1")) {
            if (rs.next()) {
                byte[] context = ("lookup-key|" + rs.getString(1)).getBytes(StandardCharsets.UTF_8);
                byte[] wrapped = rs.getBytes(2);
                attempt = Optional.of(() -> parses(wrapped, kek, context));
            }
        }
        if (attempt.isEmpty()) {
            try (Statement select = connection.createStatement();
                 ResultSet rs = select.executeQuery("SELECT subject_id, key_group, wrapped_keyset FROM subject_key "
                         + "WHERE wrapped_keyset IS NOT NULL LIMIT 1")) {
                if (rs.next()) {
                    byte[] context = ("subject-keyset|" + rs.getObject(1) + "|" + rs.getString(2))
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] wrapped = rs.getBytes(3);
                    attempt = Optional.of(() -> parses(wrapped, kek, context));
                }
            }
        }
        return attempt.map(Supplier::get).orElse(true);
    }

    private static boolean parses(byte[] wrapped, Aead kek, byte[] context) {
        try {
            TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek, context);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean anyKeyStored(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT EXISTS (SELECT 1 FROM lookup_key) "
                     + "OR EXISTS (SELECT 1 FROM subject_key WHERE wrapped_keyset IS NOT NULL)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
