package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.RegisterMember;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default setup, with no database configured: the backend runs its own PostgreSQL in the data folder, with
 * durable settings, and a restart loses nothing, even after an earlier run left its PostgreSQL running.
 */
@RunsBesideTheSuite
class EmbeddedDefaultSetupTest {

    @Test
    void withoutAConfiguredDatabaseTheBackendKeepsItsDataInItsOwnPostgresAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "default-setup");
        int port = freePort();
        UUID memberId = UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(dataDir, port)) {
            assertThat(first.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW data_directory", String.class)).isEqualTo(dataDir.resolve("postgres").toString());
            PasswordEncoder passwords = first.getBean(PasswordEncoder.class);
            first.getBean(CommandGateway.class).sendAndWait(new RegisterMember(memberId, profile(memberId),
                    passwords.encode("a long enough password"), "2026-11", Set.of(), Instant.now(), "zh-CN", "a".repeat(64)));
        }
        assertThat(dataDir.resolve("kek.json")).exists();

        // An earlier run killed with kill -9 leaves its PostgreSQL running, holding the folder and the port.
        leaveOrphanServing(dataDir.resolve("postgres"), port);
        long orphanPid = orphanPid(dataDir);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (ConfigurableApplicationContext second = start(dataDir, port)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            String login = "default-" + memberId.toString().substring(0, 8) + "@example.com";
            assertThat(second.getBean(Logins.class).login(login, "a long enough password").accountId()).isEqualTo(memberId);
        }
    }

    private static void leaveOrphanServing(Path postgresDir, int port) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), OrphanPostgres.class.getName(),
                postgresDir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains("READY")) {
                // PostgreSQL's start-up chatter
            }
        }
        child.destroyForcibly().waitFor();
    }

    private static long orphanPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    private static ConfigurableApplicationContext start(Path dataDir, int port) {
        return new SpringApplicationBuilder(MatchmakingApplication.class)
                .profiles("test")
                .run("--server.port=0", "--matchmaking.data-dir=" + dataDir, "--matchmaking.embedded-postgres.port=" + port);
    }

    private static Profile profile(UUID id) {
        return new Profile("Default Setup", "default-" + id.toString().substring(0, 8) + "@example.com", "+8613900000000",
                null, Gender.FEMALE, LocalDate.of(1990, 1, 1), "Suzhou", MaritalStatus.NEVER_MARRIED, null, null, null,
                null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
