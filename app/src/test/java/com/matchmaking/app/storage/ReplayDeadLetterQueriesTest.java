package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.support.Processors;
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
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of the member read models with an empty dead-letter queue does not ask the queue about every event: the
 * queue is asked once per batch whether it is empty (DeadLetterQueueCheckedOncePerBatch), where Axon's invoker alone
 * would run one query per event. Counted by PostgreSQL itself: the scans of the queue's table during the replay.
 * That the later events of a dead-lettered member still wait behind it is PoisonEventTest's.
 */
class ReplayDeadLetterQueriesTest {

    private static final String GROUP = "member-read-models";
    private static final String PASSWORD_HASH = "{bcrypt}$2a$06$abcdefghijklmnopqrstuuMYa0lGyH6mVmE5HhaFcs6h9ZyM0QWwC";
    private static final int MEMBERS = 60;
    private static final int UPDATES = 4;

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static Processors processors;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MatchmakingApplication.class).profiles("test")
                .run(TestApplications.arguments(TestPostgres.createDatabase("replay_dlq"), "--server.port=0"));
        jdbc = app.getBean(JdbcTemplate.class);
        processors = new Processors(app.getBean(EventProcessingConfiguration.class), app.getBean(EventStore.class));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aReplayWithAnEmptyQueueAsksTheQueueOncePerBatchNotOncePerEvent() throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        for (int m = 0; m < MEMBERS; m++) {
            UUID member = UUID.randomUUID();
            commands.sendAndWait(new RegisterMember(member, profile(member, "Start"), PASSWORD_HASH, "2026-11", Set.of(),
                    Instant.now(), "zh-CN", "a".repeat(64)));
            for (int u = 0; u < UPDATES; u++) {
                commands.sendAndWait(new UpdateProfile(member, new ProfilePatch(Set.of(ProfileField.CITY),
                        profile(member, "City" + u)), Instant.now()));
            }
        }
        processors.awaitCaughtUp(Duration.ofSeconds(60));
        int events = MEMBERS * (1 + UPDATES);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Integer.class)).isZero();

        StreamingEventProcessor readModels = processors.streaming().stream()
                .filter(p -> p.getName().equals(GROUP)).findFirst().orElseThrow();
        readModels.shutdownAsync().join();
        readModels.resetTokens();
        settledStatistics();
        long scansBefore = scans("dead_letter_entry");
        long tokenUpdatesBefore = updates("token_entry");
        readModels.start();
        processors.awaitCaughtUp(Duration.ofSeconds(60));
        settledStatistics();

        assertThat(updates("token_entry") - tokenUpdatesBefore).as("the replay's batches are in the statistics")
                .isPositive();
        assertThat(scans("dead_letter_entry") - scansBefore)
                .as("scans of the dead-letter queue during a replay of %d events (one per event before)", events)
                .isLessThan(events / 4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_member_card", Integer.class))
                .as("the replay rebuilt the read model").isGreaterThanOrEqualTo(MEMBERS);
    }

    /**
     * Axon interrupts a unit of work that runs longer than its event processors' transaction timeout (60 s by
     * default); the batch then rolls back and is retried from the same token, as slow as before, so a replay whose
     * batches have slowed past the limit stops for good. application.yml sets a limit no batch that progresses reaches.
     */
    @Test
    void theReadModelsBatchesAreNotCutOffAfterAxonsDefaultMinute() {
        var eventProcessors = app.getBean(TimeoutProperties.class).getTransaction().getEventProcessors();
        assertThat(eventProcessors.getTimeoutMs()).as("the batch limit, ms").isGreaterThanOrEqualTo(600_000);
        assertThat(eventProcessors.getWarningThresholdMs()).as("a slow batch is still reported with its stack")
                .isBetween(1, eventProcessors.getTimeoutMs() - 1);
    }

    /** PostgreSQL reports a backend's table statistics within a second of its last transaction, ten when it is idle. */
    private static void settledStatistics() throws InterruptedException {
        Thread.sleep(11_000);
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
    }

    private static long scans(String table) {
        return jdbc.queryForObject("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables "
                + "WHERE relname = ?", Long.class, table);
    }

    private static long updates(String table) {
        return jdbc.queryForObject("SELECT n_tup_upd + n_tup_ins FROM pg_stat_user_tables WHERE relname = ?",
                Long.class, table);
    }

    private static Profile profile(UUID id, String city) {
        String tag = id.toString().substring(0, 8);
        return new Profile("Replay " + tag, tag + "@replay.example",
                "+86139" + String.format("%08d", Math.abs(id.hashCode()) % 100_000_000), null, Gender.FEMALE,
                LocalDate.of(1990, 5, 5), city, MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    }
}
