package com.matchmaking.app.tls;

import com.matchmaking.app.MatchmakingApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS to PostgreSQL with {@code sslmode=verify-full}: a PostgreSQL started here presents a certificate for localhost
 * signed by a certificate authority made for the test; the backend connects through TLS, checking the authority and
 * the host name, and a wrong authority or host name is refused.
 */
class PostgresTlsTest {

    private static Path dir;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void postgresWithTls() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-tls");
        Certificates.Issued authority = Certificates.authority("Database Test CA", Duration.ofDays(2));
        Certificates.writePem(authority, dir.resolve("ca.crt"), dir.resolve("ca.key"));
        Certificates.writePem(Certificates.server("localhost", List.of("localhost"), List.of(), authority, Duration.ofDays(1)),
                dir.resolve("server.crt"), dir.resolve("server.key"));
        Certificates.Issued stranger = Certificates.authority("Somebody Else's CA", Duration.ofDays(2));
        Certificates.writePem(stranger, dir.resolve("stranger.crt"), dir.resolve("stranger.key"));
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                .start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE tls_app");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String url(String host, String rootCertificate) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/tls_app?sslmode=verify-full&sslrootcert="
                + dir.resolve(rootCertificate);
    }

    @Test
    void theBackendTalksToPostgresqlOverVerifiedTls() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MatchmakingApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url("localhost", "ca.crt"),
                        "--spring.datasource.username=postgres", "--matchmaking.data-dir=" + dir.resolve("data"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", Boolean.class)).isTrue();
            assertThat(jdbc.queryForObject("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()", String.class))
                    .startsWith("TLSv1.");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isPositive();
        }
    }

    @Test
    void anUnknownAuthorityOrAnotherHostNameIsRefused() {
        assertThatThrownBy(() -> connect(url("localhost", "stranger.crt"))).isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL");
        assertThatThrownBy(() -> connect(url("127.0.0.1", "ca.crt"))).isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1");
    }

    private static void connect(String url) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            // connected: the assertion expected a refusal
        }
    }
}
