package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Processors;
import com.matchmaking.readmodels.member.MemberReadModels;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.RegisterMember;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models' processors as they run: pooled, the member read models in the configured number of segments, each
 * batch of events written in one PostgreSQL transaction, and a segment whose node stops extending its claim taken
 * over once the claim times out (as another node would take a dead node's).
 */
class PooledProcessingTest extends IntegrationTest {

    private static final String PASSWORD_HASH = "{bcrypt}$2a$06$abcdefghijklmnopqrstuuMYa0lGyH6mVmE5HhaFcs6h9ZyM0QWwC";

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProcessingProperties properties;

    @Test
    void readModelsRunOnPooledProcessorsTheMemberReadModelsInTheConfiguredSegments() {
        assertThat(properties.segments()).isEqualTo(4);
        List<StreamingEventProcessor> streaming = new Processors(processing, eventStore).streaming();
        assertThat(streaming).extracting(EventProcessor::getName).contains(MemberReadModels.PROCESSING_GROUP,
                "staff-directory", "erasure-schedule", "risk-alerts");
        assertThat(streaming).allSatisfy(p -> assertThat(p).isInstanceOf(PooledStreamingEventProcessor.class));

        StreamingEventProcessor members = processor(MemberReadModels.PROCESSING_GROUP);
        await().atMost(Duration.ofSeconds(20)).until(() -> members.processingStatus().size() == 4);
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "SELECT segment, owner FROM token_entry WHERE processor_name = ? ORDER BY segment",
                MemberReadModels.PROCESSING_GROUP);
        assertThat(tokens).extracting(t -> t.get("segment")).containsExactly(0, 1, 2, 3);
        // Unless matchmaking.processing.node-id names it, a node is Axon's process name (pid@host) in the token store.
        // One owner, named after this process and this start (ProcessingProperties.startName).
        assertThat(tokens).extracting(t -> String.valueOf(t.get("owner"))).allMatch(
                owner -> owner.startsWith(ManagementFactory.getRuntimeMXBean().getName() + "#"))
                .containsOnly(String.valueOf(tokens.get(0).get("owner")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'staff-directory'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aBatchOfEventsIsWrittenInOneTransactionForEveryReadModelAndNotOnePerEvent() {
        Processors processors = new Processors(processing, eventStore);
        processors.awaitCaughtUp(Duration.ofSeconds(30));
        StreamingEventProcessor members = processor(MemberReadModels.PROCESSING_GROUP);
        List<UUID> registered = new ArrayList<>();
        members.shutDown();
        try {
            for (int i = 0; i < 40; i++) {
                UUID id = UUID.randomUUID();
                commands.sendAndWait(new RegisterMember(id, profile(id), PASSWORD_HASH, "2026-11", Set.of(), Instant.now(), null, null));
                registered.add(id);
            }
        } finally {
            members.start();
        }
        processors.awaitCaughtUp(Duration.ofSeconds(60));

        // Rows written in one transaction carry its id (xmin); one transaction per event would give 40 of them.
        UUID[] ids = registered.toArray(UUID[]::new);
        Integer transactions = jdbc.queryForObject(
                "SELECT count(DISTINCT xmin::text) FROM service_member_card WHERE member_id = ANY (?)", Integer.class,
                (Object) ids);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_member_card WHERE member_id = ANY (?)",
                Integer.class, (Object) ids)).isEqualTo(40);
        assertThat(transactions).as("transactions that wrote 40 registrations in 4 segments").isLessThanOrEqualTo(12);
        // Every read model of the processor writes a member's registration in that same transaction.
        for (UUID id : registered) {
            List<String> xmins = jdbc.queryForList("""
                    SELECT xmin::text FROM service_member_card WHERE member_id = ?
                    UNION ALL SELECT xmin::text FROM matchmaker_member_card WHERE member_id = ?
                    UNION ALL SELECT xmin::text FROM analytics_member WHERE member_id = ?
                    UNION ALL SELECT xmin::text FROM matching_profile WHERE member_id = ?
                    UNION ALL SELECT xmin::text FROM matching_sync WHERE member_id = ?
                    """, String.class, id, id, id, id, id);
            assertThat(xmins).hasSize(5);
            assertThat(Set.copyOf(xmins)).as("one transaction for all read models of a batch").hasSize(1);
        }
    }

    @Test
    void aSegmentWhoseNodeStopsExtendingItsClaimIsTakenOverOnceTheClaimTimesOut() {
        StreamingEventProcessor members = processor(MemberReadModels.PROCESSING_GROUP);
        await().atMost(Duration.ofSeconds(20)).until(() -> members.processingStatus().size() == 4);
        String self = jdbc.queryForObject(
                "SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0", String.class,
                MemberReadModels.PROCESSING_GROUP);

        // Another node claimed segment 0 just now and then died: its claim stands until it times out.
        long start = System.nanoTime();
        jdbc.update("UPDATE token_entry SET owner = 'a-node-that-died', timestamp = ? WHERE processor_name = ? AND segment = 0",
                Instant.now().toString(), MemberReadModels.PROCESSING_GROUP);
        await().atMost(Duration.ofSeconds(10)).until(() -> !members.processingStatus().containsKey(0));
        assertThat(owner0()).isEqualTo("a-node-that-died");

        await().atMost(properties.claimTimeout().plusSeconds(8)).pollInterval(Duration.ofMillis(100))
                .until(() -> self.equals(owner0()) && members.processingStatus().containsKey(0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("the dead node's claim held until its timeout")
                .isGreaterThanOrEqualTo(properties.claimTimeout().minusMillis(500));
        assertThat(took).as("and passed on within the claim interval after it, sooner than Axon's default 10 s timeout")
                .isLessThan(properties.claimTimeout().plusMillis(4500));

        UUID id = UUID.randomUUID();
        commands.sendAndWait(new RegisterMember(id, profile(id), PASSWORD_HASH, "2026-11", Set.of(), Instant.now(), null, null));
        new Processors(processing, eventStore).awaitCaughtUp(Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private String owner0() {
        return jdbc.queryForObject("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0", String.class,
                MemberReadModels.PROCESSING_GROUP);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static Profile profile(UUID id) {
        String tag = id.toString().substring(0, 8);
        return new Profile("Pooled " + tag, tag + "@pooled.example",
                "+86137" + String.format("%08d", Math.abs(id.hashCode()) % 100_000_000), null, Gender.FEMALE,
                LocalDate.of(1991, 5, 5), "Pooled", MaritalStatus.NEVER_MARRIED, null, null, null, null, null);
    }
}
