package com.matchmaking.app.ratelimit;

import com.matchmaking.app.support.DevProfileIntegrationTest;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client rate limits (Bucket4j, in memory) on login, code checks and the requests that send mail. The attacker
 * sprays guesses over many login names (which the per-name lockout does not see), or floods registration or email
 * changes, which send mail to an address of their choosing. A refused request
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

        assertThat(errors(flooder.documentName("registerMember").variable("input", TestMembers.fresh().input()).execute()))
                .singleElement().satisfies(e -> assertThat(e).startsWith("BAD_REQUEST: Too many requests"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class)).isEqualTo(pendingBefore);
    }

    @Test
    void requestsForANewEmailOverTheClientsLimitAreRefusedApplyNothingAndCodeGuessesAreCounted() {
        // A member could have our server mail any address, again and again, by asking for a new email each time.
        TestMembers.Member data = TestMembers.fresh();
        HttpGraphQlTester registrant = client();
        registrant.documentName("registerMember").variable("input", data.input()).execute()
                .path("registerMember.memberId").hasValue();
        String token = registrant.documentName("confirmEmail").variable("email", data.email())
                .variable("code", TestMail.code(data.email(), 1)).execute().path("confirmEmail.token").entity(String.class).get();
        HttpGraphQlTester member = client().mutate().header("Authorization", "Bearer " + token).build();

        member.documentName("updateMyProfile").variable("input", Map.of("occupation", "Counted nowhere")).execute()
                .path("updateMyProfile.occupation").entity(String.class).isEqualTo("Counted nowhere");
        String first = "first-" + data.email();
        String second = "second-" + data.email();
        for (String address : List.of(first, second)) {
            member.documentName("updateMyProfile").variable("input", Map.of("email", address)).execute()
                    .path("updateMyProfile.email").entity(String.class).isEqualTo(data.email());
        }
        String third = "third-" + data.email();
        assertThat(errors(member.documentName("updateMyProfile")
                .variable("input", Map.of("email", third, "occupation", "Never applied")).execute()))
                .singleElement().satisfies(e -> assertThat(e).startsWith("BAD_REQUEST: Too many requests"));
        member.documentName("updateMyProfile").variable("input", Map.of("occupation", "Still served")).execute()
                .path("updateMyProfile.occupation").entity(String.class).isEqualTo("Still served");

        // Guesses at the change's code draw on the login bucket (4 here): the fifth is refused before it is checked,
        // so the right code, sent then, changes nothing.
        String code = TestMail.code(second, 1);
        String wrong = String.format("%08d", (Integer.parseInt(code) + 1) % 100_000_000);
        for (int i = 0; i < 4; i++) {
            assertThat(errors(member.documentName("confirmEmailChange").variable("code", wrong).execute()))
                    .containsExactly("BAD_REQUEST: Invalid or expired code");
        }
        assertThat(errors(member.documentName("confirmEmailChange").variable("code", code).execute()))
                .singleElement().satisfies(e -> assertThat(e).startsWith("BAD_REQUEST: Too many requests"));

        // The refused request started no change: the second address's change is still the one waiting, and its code
        // (four of its five attempts used) moves the login there, sent from another address.
        String moved = client().mutate().header("Authorization", "Bearer " + token).build()
                .documentName("confirmEmailChange").variable("code", code).execute()
                .path("confirmEmailChange.token").entity(String.class).get();
        client().mutate().header("Authorization", "Bearer " + moved).build().documentName("me").execute()
                .path("me.email").entity(String.class).isEqualTo(second)
                .path("me.occupation").entity(String.class).isEqualTo("Still served");
        assertThat(TestMail.to(third)).as("no mail to the refused address").isEmpty();
    }

    private static List<String> errors(GraphQlTester.Response response) {
        List<String> errors = new ArrayList<>();
        response.errors().satisfy(e -> e.forEach(error -> errors.add(error.getErrorType() + ": " + error.getMessage())));
        return errors;
    }

    private String loginError(HttpGraphQlTester client, String username) {
        List<String> errors = errors(client.documentName("login").variable("username", username)
                .variable("password", "a guess").execute());
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
