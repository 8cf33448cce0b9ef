package com.matchmaking.app.secrets;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.tls.Certificates;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile never invents a key-encryption key: without an explicit one it refuses to start. */
class KekConfigurationTest {

    @Test
    void theProdProfileRefusesToStartWithoutAnExplicitKek() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("kek_prod");
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "prod-kek");
        List<String> arguments = new ArrayList<>(Arrays.stream(TestApplications.arguments(database, "--server.port=0"))
                .filter(a -> !a.startsWith("--matchmaking.keys.kek-file") && !a.startsWith("--matchmaking.data-dir")).toList());
        arguments.add("--matchmaking.data-dir=" + dataDir);
        // The agency's certificate is there, so the missing KEK is the only thing prod can refuse.
        Certificates.writePem(Certificates.server("localhost", List.of("localhost"), List.of(), null, Duration.ofDays(1)),
                dataDir.resolve("server.crt"), dataDir.resolve("server.key"));
        arguments.addAll(List.of("--matchmaking.tls.mode=configured", "--matchmaking.tls.certificate=" + dataDir.resolve("server.crt"),
                "--matchmaking.tls.private-key=" + dataDir.resolve("server.key"), "--matchmaking.tls.http-port=0"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(MatchmakingApplication.class).profiles("prod")
                .run(arguments.toArray(String[]::new)))
                .hasStackTraceContaining("The prod profile needs an explicit KEK");
        assertThat(dataDir.resolve("kek.json")).doesNotExist();

        arguments.add("--matchmaking.keys.kek-file=" + dataDir.resolve("missing.json"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(MatchmakingApplication.class).profiles("prod")
                .run(arguments.toArray(String[]::new)))
                .hasStackTraceContaining("creating one is not allowed here");
        assertThat(dataDir.resolve("missing.json")).doesNotExist();
    }
}
