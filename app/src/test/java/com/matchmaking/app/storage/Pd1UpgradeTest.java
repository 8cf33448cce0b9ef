package com.matchmaking.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.matchmaking.keys.testing.LegacyPd1Serializer;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upgrade from {@code pd1} (one unpadded ciphertext per field) to {@code pd2} (one sealed, padded envelope per
 * key group): a member's events written the old way, by an independent writer of the old format through Axon's own
 * JDBC engine, are read by the new code when the aggregate is loaded, exported, snapshotted and erased, while every
 * new event is written as pd2 and bound to its own event identifier.
 */
@Tag("external-postgres")
class Pd1UpgradeTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;
    @Autowired
    EventSchema eventSchema;
    @Autowired
    SubjectKeyVault vault;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void eventsStoredAsPd1AreReadExportedSnapshottedAndErasedByTheNewCode() throws Exception {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        String id = member.memberId().toString();
        String city = "Pd1City " + data.marker();
        long next = appendPd1Events(id, city);

        String oldPayload = payload(id, next);
        assertThat(oldPayload).contains("\"city\":\"pd1:profile:").doesNotContain("@pd", city);
        assertThat(payload(id, next + 1)).contains("\"verified\":\"pd1:sensitive:");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(((ProfileUpdated) events.get((int) next).getPayload()).profile().city()).isEqualTo(city);
        assertThat(((IdNumberVerified) events.get((int) next + 1).getPayload()).verified()).isTrue();

        Map<String, Object> export = api().export(member.token());
        assertThat((Map<String, Object>) export.get("profile")).containsEntry("city", city)
                .containsEntry("fullName", data.fullName());
        List<Map<String, Object>> history = (List<Map<String, Object>>) export.get("history");
        assertThat(history).anySatisfy(change -> assertThat((Map<String, Object>) change.get("values"))
                .containsEntry("city", city));
        assertThat(history).anySatisfy(change -> assertThat((Map<String, Object>) change.get("values"))
                .containsEntry("verified", true));

        // Commands load the aggregate from the mixed log; enough of them for a snapshot to be taken from it.
        for (int i = 0; i < 26; i++) {
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("heightCm", 150 + i))
                    .execute().path("updateMyProfile").hasValue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, id) > 0);
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("aboutMe", "after the upgrade"))
                .execute().path("updateMyProfile").hasValue();
        assertThat((Map<String, Object>) api().export(member.token()).get("profile")).containsEntry("city", city)
                .containsEntry("aboutMe", "after the upgrade");

        // Everything written since is pd2, each sealed envelope recording its own row's identifier.
        java.util.concurrent.atomic.AtomicInteger bound = new java.util.concurrent.atomic.AtomicInteger();
        jdbc.query("SELECT event_identifier, payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number > ?", rs -> {
            bound.addAndGet(assertBoundTo(rs.getString(1), rs.getBytes(2)));
        }, id, next + 1);
        assertThat(bound.get()).as("profile changes since the upgrade, sealed and bound").isGreaterThanOrEqualTo(27);
        bound.set(0);
        jdbc.query("SELECT event_identifier, payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                rs -> {
                    bound.addAndGet(assertBoundTo(rs.getString(1), rs.getBytes(2)));
                }, id);
        assertThat(bound.get()).as("the snapshot, sealed and bound to its own identifier").isPositive();

        Map<String, Object> status = api().as(member.token()).documentName("requestErasure").execute()
                .path("requestErasure").entity(Map.class).get();
        assertThat(status).containsEntry("state", "ERASED");

        assertThat(payload(id, next)).as("the log stays as it was").isEqualTo(oldPayload);
        List<? extends DomainEventMessage<?>> after = eventStore.readEvents(id).asStream().toList();
        Profile erased = ((ProfileUpdated) after.get((int) next).getPayload()).profile();
        assertThat(erased.city()).isEqualTo("[erased]");
        assertThat(erased.fullName()).isEqualTo("[erased]");
        assertThat(erased.gender()).isNull();
        IdNumberVerified check = (IdNumberVerified) after.get((int) next + 1).getPayload();
        assertThat(check.verified()).isNull();
        assertThat(check.maskedIdNumber()).isEqualTo("[erased]");
        assertThat(((MemberRegistered) after.get(0).getPayload()).profile().phone()).isEqualTo("[erased]");
    }

    /** Appends a profile change and an ID check the way the application stored them before pd2. */
    private long appendPd1Events(String id, String city) throws Exception {
        long next = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id) + 1;
        String aggregateType = jdbc.queryForObject(
                "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, id);
        Map<String, Object> metaData = JSON.readValue(jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                byte[].class, id), Map.class);
        Profile before = ((MemberRegistered) eventStore.readEvents(id).next().getPayload()).profile();
        Profile moved = new Profile(before.fullName(), before.email(), before.phone(), before.wechatId(), before.gender(),
                before.birthDate(), city, before.maritalStatus(), before.education(), before.occupation(),
                before.heightCm(), before.incomeBand(), before.aboutMe());
        Instant now = Instant.now();
        java.util.UUID memberId = java.util.UUID.fromString(id);

        JacksonSerializer plain = JacksonSerializer.builder().objectMapper(StorageObjectMapper.create()).build();
        LegacyPd1Serializer legacy = new LegacyPd1Serializer((CryptoShreddingSerializer) eventSerializer, plain, vault);
        JdbcEventStorageEngine oldEngine = JdbcEventStorageEngine.builder()
                .eventSerializer(legacy)
                .snapshotSerializer(legacy)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .schema(eventSchema)
                .build();
        oldEngine.appendEvents(List.of(
                new GenericDomainEventMessage<>(aggregateType, id, next,
                        new ProfileUpdated(memberId, moved, Set.of(ProfileField.CITY), now), MetaData.from(metaData)),
                new GenericDomainEventMessage<>(aggregateType, id, next + 1,
                        new IdNumberVerified(memberId, "1101**********1234", true, now), MetaData.from(metaData))));
        return next;
    }

    private String payload(String id, long sequence) {
        return new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, id, sequence), StandardCharsets.UTF_8);
    }

    /** Whether the payload is a sealed one bound to the identifier (asserted when it holds personal data). */
    private static int assertBoundTo(String eventIdentifier, byte[] payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            assertThat(tree.toString()).doesNotContain("pd1:");
            if (!tree.has("@pd")) {
                return 0;
            }
            assertThat(tree.get("@pd").get("m").textValue()).isEqualTo(eventIdentifier);
            return 1;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
