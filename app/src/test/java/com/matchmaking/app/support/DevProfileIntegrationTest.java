package com.matchmaking.app.support;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The third shared application: the {@code dev} profile (introspection and GraphiQL on), and the per-client request
 * limits set low (RateLimitTest). Forwarded headers are trusted from loopback here, as behind a proxy, so that a test
 * can speak as a client address of its own and find its buckets full whatever ran before it. Its few classes run on
 * JUnit's main thread (junit-platform.properties).
 */
@ActiveProfiles("dev")
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "matchmaking.rate-limit.login.capacity=4", "matchmaking.rate-limit.login.period=PT1H",
        "matchmaking.rate-limit.registration.capacity=2", "matchmaking.rate-limit.registration.period=PT1H"})
public abstract class DevProfileIntegrationTest extends ApplicationTest {
}
