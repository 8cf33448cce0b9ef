package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.LogCapture;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault suite, poison events in the member read models: one projection's handler fails on one member's event (a bug,
 * whose exception message even names the value), or the database refuses the writes one member's event makes. Either
 * way the event goes to the dead-letter queue with no personal value in the queue's table or the log, the member's
 * later events wait behind it, every other member's events go on, and no projection keeps any write of it. Once the
 * cause is fixed, the operator's retry on the management port applies the waiting events once, in every projection.
 */
@Tag("fault")
@RunsBesideTheSuite
class PoisonEventTest {

    private static final String GROUP = "member-read-models";
    private static final String PASSWORD_HASH = "{bcrypt}$2a$06$abcdefghijklmnopqrstuuMYa0lGyH6mVmE5HhaFcs6h9ZyM0QWwC";

    private static ConfigurableApplicationContext app;
    private static CommandGateway commands;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MatchmakingApplication.class, FaultyProjection.class).profiles("test")
                .run(TestApplications.arguments(TestPostgres.createDatabase("poison"), "--server.port=0"));
        commands = app.getBean(CommandGateway.class);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aHandlersPoisonEventWaitsInTheQueueWithoutItsValuesWhileTheRestGoesOnAndARetryAfterTheFixAppliesItOnce()
            throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String poisonCity = "Poisonville-" + marker;
        UUID poisoned = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        try (LogCapture log = LogCapture.attach()) {
            FaultyProjection faulty = app.getBean(FaultyProjection.class);
            faulty.failOn.add(poisoned);

            commands.sendAndWait(register(poisoned, "Poison " + marker));
            commands.sendAndWait(moveTo(poisoned, poisonCity));
            commands.sendAndWait(moveTo(poisoned, "Afterwards-" + marker));
            commands.sendAndWait(register(bystander, "Bystander " + marker));
            commands.sendAndWait(moveTo(bystander, "Elsewhere-" + marker));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(applied(jdbc, bystander)).as("the other member's events go on").isEqualTo(2);
                assertThat(waitingLetters(jdbc, poisoned)).as("the poison event and the one behind it wait").isEqualTo(2);
            });
            assertThat(applied(jdbc, poisoned)).as("only the registration; the poison event's card update was taken back")
                    .isEqualTo(1);
            assertNoValueInQueue(marker);
            assertThat(log.linesContaining(marker)).as("no personal value in the log").isEmpty();

            faulty.failOn.clear();
            String answer = retry();
            assertThat(answer).contains("\"applied\":1", "\"waiting\":0");

            assertThat(waitingLetters(jdbc, poisoned)).isZero();
            assertThat(applied(jdbc, poisoned)).as("every stored event of the member applied exactly once")
                    .isEqualTo(3).isEqualTo(storedEvents(jdbc, poisoned));
            assertThat(faulty.handled.get(poisoned)).as("the fixed projection saw each of its two updates once")
                    .hasValue(2);
            assertThat(log.linesContaining(marker)).as("no personal value in the log").isEmpty();
        }
    }

    /**
     * Without the event-by-event resend, the refused batch fails as a whole, again at every retry, and every member of
     * the segment waits behind one member's event.
     */
    @Test
    void writesTheDatabaseRefusesSendOnlyTheirEventToTheQueueWithoutTheRefusedValuesAndARetryAfterTheFixAppliesItOnce()
            throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID refused = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        try (LogCapture log = LogCapture.attach()) {
            commands.sendAndWait(register(refused, "Refused " + marker));
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(jdbc, refused) == 1);
            // A rule the read model's table enforces and the projection does not know: this member's card may not count
            // a second event. Its violation message holds the whole row.
            jdbc.execute("ALTER TABLE service_member_card ADD CONSTRAINT poison_" + marker
                    + " CHECK (member_id <> '" + refused + "' OR events_applied < 2)");
            try {
                commands.sendAndWait(moveTo(refused, "Refusedtown-" + marker));
                commands.sendAndWait(moveTo(refused, "Behindtown-" + marker));
                commands.sendAndWait(register(bystander, "Bystander " + marker));
                commands.sendAndWait(moveTo(bystander, "Elsewhere-" + marker));

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(applied(jdbc, bystander)).as("the other member's events go on").isEqualTo(2);
                    assertThat(waitingLetters(jdbc, refused)).as("the refused event and the one behind it wait")
                            .isEqualTo(2);
                });
                assertThat(applied(jdbc, refused)).isEqualTo(1);
                // A later batch, after the queue's emptiness was asked in earlier ones: the member still waits.
                commands.sendAndWait(moveTo(refused, "Latertown-" + marker));
                commands.sendAndWait(moveTo(bystander, "Further-" + marker));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(applied(jdbc, bystander)).as("the other member's events go on").isEqualTo(3);
                    assertThat(waitingLetters(jdbc, refused)).as("a later event waits behind the refused one too")
                            .isEqualTo(3);
                });
                assertThat(applied(jdbc, refused)).isEqualTo(1);
                assertThat(jdbc.queryForList("SELECT cause_type FROM dead_letter_entry WHERE sequence_identifier = ?",
                        String.class, refused.toString())).as("the refusal's type is kept")
                        .contains(org.springframework.dao.DataIntegrityViolationException.class.getName());
                assertNoValueInQueue(marker);
                assertThat(log.linesContaining(marker)).as("no personal value in the log").isEmpty();
            } finally {
                jdbc.execute("ALTER TABLE service_member_card DROP CONSTRAINT IF EXISTS poison_" + marker);
            }

            assertThat(retry()).contains("\"applied\":1", "\"waiting\":0");
            assertThat(applied(jdbc, refused)).as("every stored event of the member applied exactly once")
                    .isEqualTo(4).isEqualTo(storedEvents(jdbc, refused));
            assertThat(log.linesContaining(marker)).as("no personal value in the log").isEmpty();
        }
    }

    private static void assertNoValueInQueue(String marker) {
        for (Map<String, Object> letter : jdbc.queryForList("SELECT * FROM dead_letter_entry")) {
            for (Object column : letter.values()) {
                String text = column instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(column);
                assertThat(text).as("no personal value in the queue").doesNotContain(marker);
            }
        }
    }

    private static String retry() throws Exception {
        String port = app.getEnvironment().getProperty("local.management.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/deadletters/" + GROUP))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int applied(JdbcTemplate jdbc, UUID member) {
        List<Integer> applied = jdbc.queryForList("SELECT events_applied FROM service_member_card WHERE member_id = ?",
                Integer.class, member);
        return applied.isEmpty() ? 0 : applied.get(0);
    }

    private static int waitingLetters(JdbcTemplate jdbc, UUID member) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?",
                Integer.class, GROUP, member.toString());
    }

    private static int storedEvents(JdbcTemplate jdbc, UUID member) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, member.toString());
    }

    private static RegisterMember register(UUID id, String name) {
        return new RegisterMember(id, profile(id, name, "Start"), PASSWORD_HASH, "2026-11", Set.of(), Instant.now(),
                "zh-CN", "a".repeat(64));
    }

    private static UpdateProfile moveTo(UUID id, String city) {
        return new UpdateProfile(id, new ProfilePatch(Set.of(ProfileField.CITY), profile(id, null, city)), Instant.now());
    }

    private static Profile profile(UUID id, String name, String city) {
        String tag = id.toString().substring(0, 8);
        return new Profile(name, tag + "@poison.example", "+86139" + String.format("%08d", Math.abs(id.hashCode()) % 100_000_000),
                null, Gender.FEMALE, LocalDate.of(1990, 5, 5), city, MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    }

    /**
     * A projection with a bug: it fails on the profile updates of the members it is told to, with the value in its
     * message, as careless code does. Last in its group, so the other projections have handled the event before.
     */
    @Component
    @ProcessingGroup(GROUP)
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class FaultyProjection {
        final Set<UUID> failOn = ConcurrentHashMap.newKeySet();
        final Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();

        @EventHandler
        void on(ProfileUpdated event) {
            if (failOn.contains(event.memberId())) {
                throw new IllegalStateException("No place for " + event.profile().city());
            }
            handled.computeIfAbsent(event.memberId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
