package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingProperties;
import com.zaxxer.hikari.HikariConfig;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * With no {@code spring.datasource.url}, the backend runs on an embedded PostgreSQL (real binaries shipped in a Maven
 * artifact) whose data folder survives restarts: a restart of the default setup loses nothing.
 *
 * <p>Unlike a test database it runs with {@code fsync} and {@code synchronous_commit} on. If an earlier JVM was killed,
 * its postmaster may still hold the port; zonky would then connect to whatever answers there, so an orphan that serves
 * this data folder is stopped first, and after start the server is asked which folder it serves.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * @param port      fixed per data folder, so a second start finds its own server
     * @param directory data folder; default {@code <data-dir>/postgres}
     * @param database  the database the backend uses
     */
    @ConfigurationProperties("matchmaking.embedded-postgres")
    record EmbeddedPostgresProperties(@DefaultValue("54329") int port, Path directory,
                                      @DefaultValue("matchmaking") String database,
                                      @DefaultValue("20") int poolSize) {
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(MatchmakingProperties properties, EmbeddedPostgresProperties embedded) throws IOException {
        Path directory = Optional.ofNullable(embedded.directory())
                .orElse(properties.dataDir().resolve("postgres")).toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        stopOrphanServing(directory);
        log.info("Starting embedded PostgreSQL on port {} with data in {}", embedded.port(), directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(embedded.port())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        verifyServes(postgres, directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    @SuppressFBWarnings(value = {"SQL_INJECTION_JDBC", "SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE"},
            justification = "CREATE DATABASE cannot take its name as a parameter; the name comes from configuration and is "
                    + "checked against a strict identifier pattern first.")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties embedded) throws SQLException {
        String database = embedded.database();
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("matchmaking.embedded-postgres.database must be a lower-case identifier");
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery(); Statement create = admin.createStatement()) {
                if (!rs.next()) {
                    // An identifier cannot be a bind parameter; it was checked against a strict pattern above.
                    create.execute("CREATE DATABASE " + database);
                }
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", embedded.database()));
        config.setUsername("postgres");
        config.setMaximumPoolSize(embedded.poolSize());
        config.setPoolName("embedded-postgres");
        // As for a configured database (application.yml): an outage is answered well inside the API's time limit.
        config.setConnectionTimeout(5000);
        // PostgreSQL's error details and the driver's batch errors would otherwise quote statement parameters.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    private static void stopOrphanServing(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (orphan.isEmpty()) {
                return;
            }
            log.warn("A PostgreSQL (pid {}) left by an earlier run still serves {}; stopping it", pid, directory);
            orphan.get().destroy();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (orphan.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (orphan.get().isAlive()) {
                orphan.get().destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException | IndexOutOfBoundsException malformed) {
            // Not a pid file PostgreSQL wrote; PostgreSQL itself will judge it on start.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void verifyServes(EmbeddedPostgres postgres, Path directory) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toAbsolutePath().normalize();
            if (!Files.isSameFile(served, directory)) {
                throw new IllegalStateException("The PostgreSQL answering on port " + postgres.getPort()
                        + " serves " + served + ", not " + directory + "; stop it or configure another port");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot verify the embedded PostgreSQL", e);
        }
    }
}
