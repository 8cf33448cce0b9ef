package com.matchmaking.app.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Processors;
import com.matchmaking.app.support.RunsBesideTheSuite;
import com.matchmaking.app.support.TestApplications;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfilePatch;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the application while commands pour in and projections are busy, and starts it again on the same database:
 * every acknowledged command is in the log, and every projection resumes from its stored token so that each event is
 * applied exactly once (the customer-service card counts what it applied). A segment that stopped with a gap in its
 * token used to get back, after the restart, the event it had handled after the gap ({@code RedeliveredEventFilter}):
 * about one run in three counted one event twice before that filter.
 */
@Tag("external-postgres")
@RunsBesideTheSuite
class RestartWhileProcessingTest {

    private static final String PASSWORD_HASH = "{bcrypt}$2a$06$abcdefghijklmnopqrstuuMYa0lGyH6mVmE5HhaFcs6h9ZyM0QWwC";

    @Test
    void projectionsResumeWhereTheyStoppedWithNothingLostOrAppliedTwice() throws Exception {
        TestPostgres.Database database = TestPostgres.createDatabase("restart");
        List<UUID> acknowledged = new ArrayList<>();

        long headAtStop;
        long serviceCardsAtStop;
        try (ConfigurableApplicationContext first = start(database)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            ConcurrentLinkedQueue<UUID> done = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        UUID id = UUID.randomUUID();
                        try {
                            commands.sendAndWait(register(id));
                            commands.sendAndWait(new UpdateProfile(id, new ProfilePatch(Set.of(ProfileField.CITY),
                                    profile(id, "Moved")), Instant.now()));
                            done.add(id);
                        } catch (RuntimeException stopping) {
                            // Commands cut off by the shutdown were never acknowledged.
                        }
                    }
                });
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            while (done.size() < 150) {
                Thread.sleep(20);
            }
            headAtStop = maxGlobalIndex(jdbc);
            serviceCardsAtStop = tokenPosition(jdbc, "member-read-models");
            running.set(false);
            first.close();
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            acknowledged.addAll(done);
        }
        assertThat(serviceCardsAtStop).as("the projection was still behind when the application stopped")
                .isLessThan(headAtStop);

        try (ConfigurableApplicationContext second = start(database)) {
            new Processors(second.getBean(EventProcessingConfiguration.class), second.getBean(EventStore.class))
                    .awaitCaughtUp(Duration.ofSeconds(60));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);

            for (UUID id : acknowledged) {
                assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Integer.class, id.toString())).as("both events of an acknowledged member are stored").isEqualTo(2);
            }
            List<Map<String, Object>> mismatches = jdbc.queryForList("""
                    SELECT s.member_id, s.events_applied, count(e.global_index) AS stored
                    FROM service_member_card s JOIN domain_event_entry e ON e.aggregate_identifier = s.member_id::text
                    GROUP BY s.member_id, s.events_applied HAVING s.events_applied <> count(e.global_index)
                    """);
            assertThat(mismatches).as("every event applied exactly once").isEmpty();
            Integer members = jdbc.queryForObject(
                    "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE type = 'Member'", Integer.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM service_member_card", Integer.class))
                    .as("a summary row for every member in the log").isEqualTo(members);
            assertThat(members).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database database) {
        return new SpringApplicationBuilder(MatchmakingApplication.class)
                .profiles("test")
                .run(TestApplications.arguments(database, "--server.port=0",
                        "--axon.eventhandling.processors.member-read-models.batch-size=1"));
    }

    private static long maxGlobalIndex(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private static long tokenPosition(JdbcTemplate jdbc, String processor) throws Exception {
        byte[] token = jdbc.queryForObject("SELECT token FROM token_entry WHERE processor_name = ? AND segment = 0",
                byte[].class, processor);
        return token == null ? -1 : new ObjectMapper().readTree(token).path("index").asLong(-1);
    }

    private static RegisterMember register(UUID id) {
        return new RegisterMember(id, profile(id, "Start"), PASSWORD_HASH, "2026-11", Set.of(), Instant.now(), "zh-CN", "a".repeat(64));
    }

    private static Profile profile(UUID id, String city) {
        String tag = id.toString().substring(0, 8);
        return new Profile("Restart " + tag, tag + "@restart.example", "+86139" + String.format("%08d", Math.abs(id.hashCode()) % 100_000_000),
                null, Gender.MALE, LocalDate.of(1988, 3, 3), city, MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    }
}
