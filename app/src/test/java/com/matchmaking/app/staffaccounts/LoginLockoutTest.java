package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated failed logins lock a login name with a growing back-off, the same for names that exist and names that do not.
 * The application's own settings (five failures, a minute, doubling up to an hour); the movable clock waits out the locks.
 */
@Order(6)
class LoginLockoutTest extends IsolatedIntegrationTest {

    private static final String LOCKED = "Too many failed logins; try again later";
    private static final Duration A_MOMENT = Duration.ofSeconds(10);

    @Autowired
    MatchmakingProperties properties;

    private int after;
    private Duration first;
    private Duration maximum;

    @BeforeEach
    void settings() {
        after = properties.auth().lockoutAfter();
        first = properties.auth().lockoutDuration();
        maximum = properties.auth().lockoutMaximum();
    }

    @Test
    void repeatedFailuresLockTheNameEvenForTheRightPasswordUntilTheBackOffPasses() {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);

        List<String> messages = new ArrayList<>();
        for (int i = 0; i < after; i++) {
            messages.add(loginError(member.email(), "wrong password " + i));
        }
        assertThat(messages).containsOnly("Invalid username or password");
        assertThat(loginError(member.email(), member.password())).isEqualTo(LOCKED);

        clock.advance(first.minus(A_MOMENT));
        assertThat(loginError(member.email(), member.password())).as("a moment before the lock lifts").isEqualTo(LOCKED);
        clock.advance(A_MOMENT.plus(A_MOMENT));
        assertThat(api().login(member.email(), member.password())).isNotBlank();
    }

    @Test
    void anUnknownNameLocksExactlyLikeAKnownOne() {
        TestMembers.Member known = TestMembers.fresh();
        api().register(known);
        String unknown = "nobody-" + known.marker() + "@example.com";

        List<String> knownMessages = new ArrayList<>();
        List<String> unknownMessages = new ArrayList<>();
        for (int i = 0; i < after + 1; i++) {
            knownMessages.add(loginError(known.email(), "wrong"));
            unknownMessages.add(loginError(unknown, "wrong"));
        }
        assertThat(knownMessages).isEqualTo(unknownMessages).endsWith(LOCKED);
    }

    @Test
    void eachFailureDuringALockDoublesTheWaitUpToTheMaximum() {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);
        for (int i = 0; i < after; i++) {
            loginError(member.email(), "wrong");
        }
        Duration lock = first;
        while (lock.compareTo(maximum) < 0) {
            clock.advance(lock.plus(A_MOMENT));
            loginError(member.email(), "wrong again"); // admitted once the lock lifted, and locks for twice as long
            lock = lock.multipliedBy(2).compareTo(maximum) > 0 ? maximum : lock.multipliedBy(2);
        }
        assertThat(lock).as("the doubling reached the maximum").isEqualTo(maximum);

        clock.advance(maximum.minus(A_MOMENT));
        assertThat(loginError(member.email(), member.password())).as("a moment before the maximum").isEqualTo(LOCKED);
        clock.advance(A_MOMENT.plus(A_MOMENT));
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
                .as("password checks: at most the limit").isEqualTo(after);
        assertThat(messages.stream().filter(LOCKED::equals).count()).isEqualTo(guesses - after);
        assertThat(loginError(member.email(), member.password())).isEqualTo(LOCKED);
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
