package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.keys.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set (as SPRING_DATASOURCE_URL would), the backend uses that server and starts
 * no PostgreSQL of its own. In the external-postgres run that server is the machine's PostgreSQL.
 */
@Tag("external-postgres")
class ConfiguredDatabaseTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void aConfiguredDatasourceIsUsedInsteadOfTheEmbeddedServer() {
        assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        int configuredPort = URI.create(url.substring("jdbc:".length())).getPort();
        assertThat(jdbc.queryForObject("SELECT inet_server_port()", Integer.class)).isEqualTo(configuredPort);
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).startsWith("app_");
        if (TestPostgres.external()) {
            assertThat(configuredPort).isEqualTo(5432);
        }
    }
}
