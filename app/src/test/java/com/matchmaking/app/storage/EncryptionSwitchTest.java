package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.tls.Certificates;
import com.matchmaking.keys.kek.LocalFileKekProvider;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption of personal fields cannot be switched off in production: under the prod profile
 * {@code matchmaking.encryption.enabled=false} stops the start, before any event is stored in plaintext. Everything
 * else prod asks for (an existing KEK, the agency's certificate) is in place, so the switch is the only refusal.
 */
@RunsBesideTheSuite
class EncryptionSwitchTest {

    @Test
    void theProdProfileRefusesToStoreEventsInPlaintext() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("plaintext_prod");
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "prod-plaintext");
        LocalFileKekProvider.open(dataDir.resolve("kek.json"), true);
        List<String> arguments = new ArrayList<>(Arrays.stream(TestApplications.arguments(database, "--server.port=0"))
                .filter(a -> !a.startsWith("--matchmaking.keys.kek-file") && !a.startsWith("--matchmaking.data-dir")).toList());
        arguments.add("--matchmaking.data-dir=" + dataDir);
        arguments.add("--matchmaking.keys.kek-file=" + dataDir.resolve("kek.json"));
        Certificates.writePem(Certificates.server("localhost", List.of("localhost"), List.of(), null, Duration.ofDays(1)),
                dataDir.resolve("server.crt"), dataDir.resolve("server.key"));
        arguments.addAll(List.of("--matchmaking.tls.mode=configured", "--matchmaking.tls.certificate=" + dataDir.resolve("server.crt"),
                "--matchmaking.tls.private-key=" + dataDir.resolve("server.key"), "--matchmaking.tls.http-port=0",
                "--matchmaking.encryption.enabled=false"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(MatchmakingApplication.class).profiles("prod")
                .run(arguments.toArray(String[]::new)))
                .hasStackTraceContaining("matchmaking.encryption.enabled=false is refused under the prod profile");
    }
}
