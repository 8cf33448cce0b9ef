package com.matchmaking.app.nodes;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.kek.KekMismatchException;
import com.matchmaking.keys.kek.LocalFileKekProvider;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second node on the same database with a data folder of its own: without the first node's KEK it refuses to start,
 * saying which setting to configure, and writes no KEK file of its own; with another KEK it refuses too (also on a
 * database from before the check value); with the shared KEK it starts, and a token the first node issued works on
 * it.
 */
@RunsBesideTheSuite
class SharedKekTest {

    @Test
    void aNodeWithoutTheSharedKekRefusesToStartAndWritesNone() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("kek");
        Path otherData = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "second-node");
        Path missingKek = otherData.resolve("kek.json");
        Path foreignKek = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "foreign-kek").resolve("kek.json");
        LocalFileKekProvider.open(foreignKek, true);

        try (ConfigurableApplicationContext first = start(database)) {
            Api firstApi = new Api(port(first));
            Api.Registered member = firstApi.register(TestMembers.fresh());

            assertThatThrownBy(() -> start(database, "--matchmaking.data-dir=" + otherData,
                    "--matchmaking.keys.kek-file=" + missingKek))
                    .rootCause().isInstanceOf(KekMismatchException.class)
                    .hasMessageContaining("MATCHMAKING_KEYS_KEK_FILE").hasMessageContaining("MATCHMAKING_KEYS_KEK_URI")
                    .hasMessageContaining("already holds keys");
            assertThat(missingKek).as("no new KEK beside a database that has keys").doesNotExist();
            assertThat(otherData).isEmptyDirectory();

            assertThatThrownBy(() -> start(database, "--matchmaking.data-dir=" + otherData,
                    "--matchmaking.keys.kek-file=" + foreignKek))
                    .rootCause().isInstanceOf(KekMismatchException.class)
                    .hasMessageContaining("does not open").hasMessageContaining("MATCHMAKING_KEYS_KEK_FILE");

            // A database from before the check value: the stored keys themselves tell the KEK apart.
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM kek_check");
            assertThatThrownBy(() -> start(database, "--matchmaking.data-dir=" + otherData,
                    "--matchmaking.keys.kek-file=" + foreignKek))
                    .rootCause().isInstanceOf(KekMismatchException.class).hasMessageContaining("does not open");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM kek_check", Integer.class)).isZero();

            Path sharedKek = Path.of(TestApplications.properties(database).get("matchmaking.keys.kek-file").toString());
            try (ConfigurableApplicationContext second = start(database, "--matchmaking.data-dir=" + otherData,
                    "--matchmaking.keys.kek-file=" + sharedKek)) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM kek_check", Integer.class))
                        .as("the check value is written once the KEK is known to be right").isOne();
                Api secondApi = new Api(port(second));
                assertThat(secondApi.as(member.token()).document("{ me { email } }").execute()
                        .path("me.email").entity(String.class).get())
                        .as("a token from the first node works on the second").isEqualTo(member.data().email());
            }
            assertThat(missingKek).doesNotExist();
        }
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database database, String... more) {
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(TestApplications.properties(database));
        for (String setting : more) {
            String[] pair = setting.substring(2).split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
