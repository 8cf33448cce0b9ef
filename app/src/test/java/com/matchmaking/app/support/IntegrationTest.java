package com.matchmaking.app.support;

import com.matchmaking.app.MatchmakingApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole backend over real HTTP on a real PostgreSQL: one application context (and database) shared by every
 * test class that extends this without settings of its own, so the suite starts it once; a class with its own
 * settings gets its own context and database. Tests keep out of each other's way with their own
 * members (fresh ids and markers), never by cleaning up after others.
 *
 * <p>Each further combination of settings starts another application (seconds, and its processors keep polling until
 * the JVM ends): the suite has four, this one, {@link IsolatedIntegrationTest}'s (a movable clock, tightened rules, a
 * fixed class order), {@link DevProfileIntegrationTest}'s and ConfiguredLimitsTest's. Put a new test in one of them.
 */
@SpringBootTest(classes = MatchmakingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public abstract class IntegrationTest {

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
