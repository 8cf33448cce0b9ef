package com.matchmaking.app.secrets;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service secret deleted from the database after the first start is never made again: the application refuses to
 * start, naming the secret. A new audit chain key would let whoever deleted the old one have a rewritten history
 * re-linked; a new login lookup key would match no stored blind index. Put back from a backup, it starts again and
 * the member logs in as before. The application is started by hand on a database the test controls.
 */
@RunsBesideTheSuite
class ServiceSecretsRestartTest {

    @Test
    void aDeletedChainKeyOrLookupKeyStopsTheNextStartInsteadOfBeingMadeAgain() {
        TestPostgres.Database database = TestPostgres.createDatabase("secrets");
        Map<String, Object> settings = TestApplications.properties(database);
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        TestMembers.Member data = TestMembers.fresh();
        try (ConfigurableApplicationContext first = start(settings)) {
            api(first).register(data);
        }
        Map<String, Object> chainKey = jdbc.queryForMap("SELECT * FROM service_secret WHERE name = 'audit-chain'");
        Map<String, Object> lookupKey = jdbc.queryForMap("SELECT * FROM lookup_key WHERE purpose = 'login'");

        jdbc.update("DELETE FROM service_secret WHERE name = 'audit-chain'");
        assertThatThrownBy(() -> start(settings).close())
                .hasStackTraceContaining("The service secret 'audit-chain' is missing");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_secret WHERE name = 'audit-chain'", Integer.class))
                .as("no new chain key was made").isZero();
        jdbc.update("INSERT INTO service_secret (name, wrapped_value, created_at) VALUES (?, ?, ?)", chainKey.get("name"),
                chainKey.get("wrapped_value"), chainKey.get("created_at"));

        jdbc.update("DELETE FROM lookup_key WHERE purpose = 'login'");
        assertThatThrownBy(() -> start(settings).close())
                .hasStackTraceContaining("The lookup key for purpose login is missing");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lookup_key WHERE purpose = 'login'", Integer.class))
                .as("no new lookup key was made").isZero();
        jdbc.update("INSERT INTO lookup_key (purpose, wrapped_keyset, created_at) VALUES (?, ?, ?)", lookupKey.get("purpose"),
                lookupKey.get("wrapped_keyset"), lookupKey.get("created_at"));

        try (ConfigurableApplicationContext restored = start(settings)) {
            assertThat(api(restored).login(data.email(), data.password())).as("logins work with the restored key").isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
