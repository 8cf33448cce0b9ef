package com.matchmaking.app.support;

import com.matchmaking.app.MatchmakingApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole backend over real HTTP on a real PostgreSQL, in an application context (and database) that Spring's test
 * context cache shares between every class with the same settings. A test extends one of the suite's four shared
 * applications, not this: {@link IntegrationTest}, {@link IsolatedIntegrationTest}, {@link DevProfileIntegrationTest}
 * or ConfiguredLimitsTest's own settings. Those decide the lane of the suite a class runs in
 * (junit-platform.properties); this class holds only what they have in common.
 */
@SpringBootTest(classes = MatchmakingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public abstract class ApplicationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api() {
        return new Api(port);
    }

    protected int eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }
}
