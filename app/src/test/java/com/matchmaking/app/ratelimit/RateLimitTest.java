package com.matchmaking.app.ratelimit;

import com.matchmaking.app.support.DevProfileIntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client rate limits (Bucket4j, in memory) on login and registration. The attacker sprays guesses over many login
 * names (which the per-name lockout does not see) or floods registration, which sends mail. A refused request
 * touches no table. Each test speaks as a client address of its own (X-Forwarded-For, trusted from loopback in this
 * application), so the buckets it draws on are full when it starts, and another address is still served.
 */
class RateLimitTest extends DevProfileIntegrationTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address of its own (TEST-NET-3), for one test. */
    private HttpGraphQlTester client() {
        return api().anonymous().mutate().header("X-Forwarded-For", "203.0.113." + CLIENTS.incrementAndGet()).build();
    }

    @Test
    void loginsOverTheClientsLimitAreRefusedBeforeTheDatabase() {
        String marker = TestMembers.fresh().marker();
        HttpGraphQlTester attacker = client();
        for (int i = 0; i < 4; i++) {
            assertThat(loginError(attacker, "sprayed-" + i + "-" + marker + "@example.com"))
                    .isEqualTo("UNAUTHORIZED: Invalid username or password");
        }
        int attemptsBefore = jdbc.queryForObject("SELECT count(*) FROM login_attempt", Integer.class);

        assertThat(loginError(attacker, "sprayed-4-" + marker + "@example.com"))
                .startsWith("BAD_REQUEST: Too many requests from this client; try again in ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_attempt", Integer.class))
                .as("the refused attempt reached no table").isEqualTo(attemptsBefore);
        assertThat(loginError(client(), "sprayed-5-" + marker + "@example.com")).as("another client is served")
                .isEqualTo("UNAUTHORIZED: Invalid username or password");
    }

    @Test
    void registrationsOverTheClientsLimitAreRefusedAndSendNothing() {
        HttpGraphQlTester flooder = client();
        for (int i = 0; i < 2; i++) {
            flooder.documentName("registerMember").variable("input", TestMembers.fresh().input()).execute()
                    .path("registerMember.memberId").hasValue();
        }
        int pendingBefore = jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class);

        List<String> errors = new ArrayList<>();
        flooder.documentName("registerMember").variable("input", TestMembers.fresh().input()).execute()
                .errors().satisfy(e -> e.forEach(error -> errors.add(error.getErrorType() + ": " + error.getMessage())));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).startsWith("BAD_REQUEST: Too many requests"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class)).isEqualTo(pendingBefore);
    }

    private String loginError(HttpGraphQlTester client, String username) {
        GraphQlTester.Response response = client.documentName("login").variable("username", username)
                .variable("password", "a guess").execute();
        List<String> errors = new ArrayList<>();
        response.errors().satisfy(e -> e.forEach(error -> errors.add(error.getErrorType() + ": " + error.getMessage())));
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
