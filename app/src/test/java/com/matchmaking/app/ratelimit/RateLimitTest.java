package com.matchmaking.app.ratelimit;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client rate limits (Bucket4j, in memory) on login and registration. The attacker sprays guesses over many login
 * names (which the per-name lockout does not see) or floods registration, which sends mail. A refused request
 * touches no table.
 */
@TestPropertySource(properties = {"matchmaking.rate-limit.login.capacity=4", "matchmaking.rate-limit.login.period=PT1H",
        "matchmaking.rate-limit.registration.capacity=2", "matchmaking.rate-limit.registration.period=PT1H"})
class RateLimitTest extends IntegrationTest {

    @Test
    void loginsOverTheClientsLimitAreRefusedBeforeTheDatabase() {
        String marker = TestMembers.fresh().marker();
        for (int i = 0; i < 4; i++) {
            assertThat(loginError("sprayed-" + i + "-" + marker + "@example.com"))
                    .isEqualTo("UNAUTHORIZED: Invalid username or password");
        }
        int attemptsBefore = jdbc.queryForObject("SELECT count(*) FROM login_attempt", Integer.class);

        assertThat(loginError("sprayed-4-" + marker + "@example.com"))
                .startsWith("BAD_REQUEST: Too many requests from this client; try again in ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_attempt", Integer.class))
                .as("the refused attempt reached no table").isEqualTo(attemptsBefore);
    }

    @Test
    void registrationsOverTheClientsLimitAreRefusedAndSendNothing() {
        for (int i = 0; i < 2; i++) {
            api().anonymous().documentName("registerMember").variable("input", TestMembers.fresh().input()).execute()
                    .path("registerMember.memberId").hasValue();
        }
        int pendingBefore = jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class);

        List<String> errors = new ArrayList<>();
        api().anonymous().documentName("registerMember").variable("input", TestMembers.fresh().input()).execute()
                .errors().satisfy(e -> e.forEach(error -> errors.add(error.getErrorType() + ": " + error.getMessage())));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).startsWith("BAD_REQUEST: Too many requests"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class)).isEqualTo(pendingBefore);
    }

    private String loginError(String username) {
        GraphQlTester.Response response = api().anonymous().documentName("login").variable("username", username)
                .variable("password", "a guess").execute();
        List<String> errors = new ArrayList<>();
        response.errors().satisfy(e -> e.forEach(error -> errors.add(error.getErrorType() + ": " + error.getMessage())));
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
