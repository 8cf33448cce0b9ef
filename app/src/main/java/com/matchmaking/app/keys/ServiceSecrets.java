package com.matchmaking.app.keys;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random secrets of the service itself (the token signing key), created on first use, stored wrapped by the KEK and
 * shared by every node through the database. Created on a connection of their own that commits at once, so a
 * rolled-back request cannot leave a node holding a secret nobody else knows.
 */
@Component
public class ServiceSecrets {

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
        return secrets.computeIfAbsent(name, n -> loadOrCreate(n, length)).clone();
    }

    private byte[] loadOrCreate(String name, int length) {
        byte[] context = ("service-secret|" + name).getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            byte[] fresh = new byte[length];
            RANDOM.nextBytes(fresh);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO service_secret (name, wrapped_value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, kek.kek().encrypt(fresh, context));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT wrapped_value FROM service_secret WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return kek.kek().decrypt(rs.getBytes(1), context);
                }
            }
        } catch (SQLException e) {
            throw new KeyUnavailableException("Cannot read the service secret " + name, e);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("Cannot open the service secret " + name + " with " + kek.describe(), e);
        }
    }
}
