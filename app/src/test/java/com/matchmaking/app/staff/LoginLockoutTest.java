package com.matchmaking.app.staff;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated failed logins lock a login name with a growing back-off, the same for names that exist and names that do not. */
@TestPropertySource(properties = {"matchmaking.auth.lockout-after=3", "matchmaking.auth.lockout-duration=PT2S",
        "matchmaking.auth.lockout-maximum=PT4S"})
class LoginLockoutTest extends IntegrationTest {

    @Test
    void repeatedFailuresLockTheNameEvenForTheRightPasswordUntilTheBackOffPasses() throws InterruptedException {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);

        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(loginError(member.email(), "wrong password " + i));
        }
        assertThat(messages).containsOnly("Invalid username or password");
        assertThat(loginError(member.email(), member.password())).isEqualTo("Too many failed logins; try again later");

        Thread.sleep(2_200);
        assertThat(api().login(member.email(), member.password())).isNotBlank();
    }

    @Test
    void anUnknownNameLocksExactlyLikeAKnownOne() {
        TestMembers.Member known = TestMembers.fresh();
        api().register(known);
        String unknown = "nobody-" + known.marker() + "@example.com";

        List<String> knownMessages = new ArrayList<>();
        List<String> unknownMessages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            knownMessages.add(loginError(known.email(), "wrong"));
            unknownMessages.add(loginError(unknown, "wrong"));
        }
        assertThat(knownMessages).isEqualTo(unknownMessages).endsWith("Too many failed logins; try again later");
    }

    @Test
    void eachFailureDuringALockDoublesTheWaitUpToTheMaximum() throws InterruptedException {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);
        for (int i = 0; i < 3; i++) {
            loginError(member.email(), "wrong");
        }
        Thread.sleep(2_200);
        loginError(member.email(), "wrong again"); // the fourth failure: locked for 4 s
        Thread.sleep(2_200);

        assertThat(loginError(member.email(), member.password())).isEqualTo("Too many failed logins; try again later");
        Thread.sleep(2_000);
        assertThat(api().login(member.email(), member.password())).isNotBlank();
    }

    /**
     * Twelve guesses at once: each is counted before its password is checked, so exactly the limit of them are
     * compared and the rest find the name locked, whatever the interleaving. The name's owner is locked out too.
     */
    @Test
    void parallelGuessesNeverGetPastTheLimit() throws Exception {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);
        int guesses = 12;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "parallel guess " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return loginError(member.email(), guess);
            }));
        }
        start.countDown();
        List<String> messages = new ArrayList<>();
        for (Future<String> answer : answers) {
            messages.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(messages.stream().filter("Invalid username or password"::equals).count())
                .as("password checks: at most the limit").isEqualTo(3);
        assertThat(messages.stream().filter("Too many failed logins; try again later"::equals).count()).isEqualTo(guesses - 3);
        assertThat(loginError(member.email(), member.password())).isEqualTo("Too many failed logins; try again later");
    }

    private String loginError(String username, String password) {
        List<String> messages = new ArrayList<>();
        GraphQlTester.Response response = api().anonymous().documentName("login").variable("username", username)
                .variable("password", password).execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED"));
            messages.add(errors.get(0).getMessage());
        });
        return messages.get(0);
    }
}
