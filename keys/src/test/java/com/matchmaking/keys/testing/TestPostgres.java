package com.matchmaking.keys.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL for tests: every call to {@link #createDatabase(String)} creates a fresh, empty database that no other
 * test or run shares, and drops it when the JVM ends.
 *
 * <p>By default the server is an embedded PostgreSQL (real binaries from zonky) started once per JVM. With the
 * system property or environment variable {@code MATCHMAKING_TEST_POSTGRES=external} the databases are created on
 * an existing server instead, at {@code MATCHMAKING_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}) as {@code MATCHMAKING_TEST_POSTGRES_USER} (default
 * {@code postgres}) with {@code MATCHMAKING_TEST_POSTGRES_PASSWORD} (default empty).
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;
    private static final java.util.Set<String> undropped = new java.util.LinkedHashSet<>();

    static {
        // A fallback for runs outside JUnit (benchmarks); test sessions drop their databases earlier, in order.
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAll));
    }

    private TestPostgres() {
    }

    /** One fresh database: its JDBC coordinates and a data source for it. */
    public record Database(String name, String url, String username, String password, DataSource dataSource,
                           boolean external) {
    }

    /** Whether this run uses an external server rather than the embedded one. */
    public static boolean external() {
        return "external".equalsIgnoreCase(setting("MATCHMAKING_TEST_POSTGRES", "embedded"));
    }

    public static synchronized Database createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        Server server = server();
        try (Connection connection = server.admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            if (external()) {
                // As on the embedded server (zonky's default): a commit does not wait for the disk. The tests show how
                // the backend behaves on a real server, not whether that server survives its own crash; waiting for
                // fsync made the external run's commits several times slower.
                statement.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " at " + server.baseUrl, e);
        }
        undropped.add(name);
        String url = server.baseUrl + "/" + name;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(server.username);
        dataSource.setPassword(server.password);
        return new Database(name, url, server.username, server.password, dataSource, external());
    }

    /**
     * A database on the external server that outlives this run, for benchmarks that seed once and measure many
     * times: created empty when missing, otherwise handed back as it was left. Never dropped by this class.
     *
     * @return the database and whether it existed already
     */
    public static synchronized Kept keptDatabase(String name) {
        if (!external() || !name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("A kept database needs MATCHMAKING_TEST_POSTGRES=external and a name "
                    + "of lower-case letters, digits and underscores");
        }
        Server server = server();
        boolean existed;
        try (Connection connection = server.admin.getConnection(); Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                existed = rs.next();
            }
            if (!existed) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open or create database " + name + " at " + server.baseUrl, e);
        }
        String url = server.baseUrl + "/" + name;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(server.username);
        dataSource.setPassword(server.password);
        return new Kept(new Database(name, url, server.username, server.password, dataSource, true), existed);
    }

    /** A database kept across runs, and whether an earlier run had created it. */
    public record Kept(Database database, boolean existed) {
    }

    private record Server(String baseUrl, String username, String password, DataSource admin) {
    }

    private static Server server() {
        if (external()) {
            String url = setting("MATCHMAKING_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String user = setting("MATCHMAKING_TEST_POSTGRES_USER", "postgres");
            String password = setting("MATCHMAKING_TEST_POSTGRES_PASSWORD", "");
            PGSimpleDataSource admin = new PGSimpleDataSource();
            admin.setUrl(url);
            admin.setUser(user);
            admin.setPassword(password);
            return new Server(url.substring(0, url.lastIndexOf('/')), user, password, admin);
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        String base = "jdbc:postgresql://localhost:" + embedded.getPort();
        return new Server(base, "postgres", "", embedded.getPostgresDatabase());
    }

    /**
     * Drops every database created so far. Call it once nothing uses them any more (applications closed); it runs
     * at JVM shutdown at the latest.
     */
    public static synchronized void dropAll() {
        if (undropped.isEmpty()) {
            return;
        }
        Server server;
        try {
            server = server();
        } catch (RuntimeException gone) {
            return;
        }
        for (String name : java.util.List.copyOf(undropped)) {
            drop(server, name);
            undropped.remove(name);
        }
    }

    private static void drop(Server server, String name) {
        try (Connection connection = server.admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException | RuntimeException ignored) {
            // The embedded server may already be gone at shutdown; its folder goes with it.
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
