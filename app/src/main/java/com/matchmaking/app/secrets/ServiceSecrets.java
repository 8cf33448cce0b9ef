package com.matchmaking.app.secrets;

import com.matchmaking.keys.KeyUnavailableException;
import com.matchmaking.keys.kek.KekProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random secrets of the service itself (the token signing key, the audit chain's key, the keys of the one-time codes'
 * and the snapshots' MACs), stored wrapped by the KEK and shared by every node through the database. Created on a
 * connection of their own that commits at once, so a rolled-back request cannot leave a node holding a secret nobody
 * else knows.
 *
 * <p>A secret a feature opens as a {@link StartupSecret} is only ever created on the service's first start
 * ({@link ServiceSecretsCheck}); one that is missing later is never made again: a new audit chain key would let
 * whoever deleted the old one re-link a rewritten history. The others ({@link #secret(String, int)}) are made
 * whenever they are missing.
 */
@Component
public class ServiceSecrets {

    /** The key that signs login tokens. */
    public static final String TOKEN_SIGNING = "token-signing";
    /** The key of the audit chain's links and checkpoints. */
    public static final String AUDIT_CHAIN = "audit-chain";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final KekProvider kek;
    private final Clock clock;
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

    ServiceSecrets(DataSource dataSource, KekProvider kek, Clock clock) {
        this.dataSource = dataSource;
        this.kek = kek;
        this.clock = clock;
    }

    /** The secret of that name, of {@code length} random bytes when it is first created. */
    public byte[] secret(String name, int length) {
        return secrets.computeIfAbsent(name, n -> loadOrCreate(n, length, () -> true)).clone();
    }

    /**
     * The secret of that name; created only when it is missing and {@code firstUse} says the service has never had it.
     *
     * @throws MissingServiceSecretException when it is missing although the service has used it
     */
    public byte[] secret(String name, int length, BooleanSupplier firstUse) {
        return secrets.computeIfAbsent(name, n -> loadOrCreate(n, length, firstUse)).clone();
    }

    /** A service secret that was in use has gone from the database. */
    public static final class MissingServiceSecretException extends IllegalStateException {
        MissingServiceSecretException(String name) {
            super("The service secret '" + name + "' is missing from the table service_secret although the service has "
                    + "used it. Refusing to make a new one: restore the row from a backup of the database");
        }
    }

    private byte[] loadOrCreate(String name, int length, BooleanSupplier firstUse) {
        byte[] context = ("service-secret|" + name).getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            byte[] existing = read(connection, name, context);
            if (existing != null) {
                return existing;
            }
            if (!firstUse.getAsBoolean()) {
                throw new MissingServiceSecretException(name);
            }
            byte[] fresh = new byte[length];
            RANDOM.nextBytes(fresh);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO service_secret (name, wrapped_value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, kek.kek().encrypt(fresh, context));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            byte[] stored = read(connection, name, context);
            if (stored == null) {
                throw new KeyUnavailableException("The service secret " + name + " vanished while it was created");
            }
            return stored;
        } catch (SQLException e) {
            throw new KeyUnavailableException("Cannot read the service secret " + name, e);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("Cannot open the service secret " + name + " with " + kek.describe(), e);
        }
    }

    private byte[] read(Connection connection, String name, byte[] context) throws SQLException, GeneralSecurityException {
        try (PreparedStatement select = connection.prepareStatement("SELECT wrapped_value FROM service_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? kek.kek().decrypt(rs.getBytes(1), context) : null;
            }
        }
    }
}
