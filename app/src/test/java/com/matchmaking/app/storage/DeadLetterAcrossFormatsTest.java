package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.matchmaking.keys.testing.LegacyPd1Serializer;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.IncomeBand;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored as {@code pd1} that a handler fails on goes to Axon's JDBC dead-letter queue, which serializes
 * the payload on its own through the event serializer: the letter is stored sealed as {@code pd2} (without a message
 * identifier, which the queue does not give the serializer), reads back whole, and reads back as placeholders once
 * the member is erased.
 */
@Tag("external-postgres")
class DeadLetterAcrossFormatsTest extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer genericSerializer;
    @Autowired
    SubjectKeyVault vault;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DeadLetterSchema deadLetterSchema;

    @Test
    void aPd1EventIsDeadLetteredAsPd2ReadBackAndErased() {
        UUID subject = UUID.randomUUID();
        String marker = "dlq" + subject.toString().substring(0, 8);
        ProfileUpdated event = new ProfileUpdated(subject, new Profile("Name " + marker, marker + "@example.com",
                "+86138" + marker, null, Gender.values()[0], LocalDate.of(1991, 3, 4), "City " + marker,
                MaritalStatus.values()[0], Education.values()[0], null, 168, IncomeBand.values()[0], "About " + marker),
                Set.of(ProfileField.CITY), Instant.parse("2026-12-01T08:00:00Z"));
        JacksonSerializer plain = JacksonSerializer.builder().objectMapper(StorageObjectMapper.create()).build();
        SerializedObject<byte[]> storedAsPd1 = new LegacyPd1Serializer((CryptoShreddingSerializer) eventSerializer,
                plain, vault).serialize(event, byte[].class);
        assertThat(new String(storedAsPd1.getData(), StandardCharsets.UTF_8)).contains("pd1:profile:");
        ProfileUpdated readFromPd1 = eventSerializer.deserialize(storedAsPd1);
        assertThat(readFromPd1).isEqualTo(event);

        String group = "pd2-dead-letters-" + subject;
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(deadLetterSchema)
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .build();
        try {
            transactionManager.executeInTransaction(() -> queue.enqueue(subject.toString(), new GenericDeadLetter<>(
                    subject.toString(), new GenericDomainEventMessage<>("Member", subject.toString(), 7, readFromPd1),
                    new IllegalStateException("a handler failed"))));

            String stored = new String(jdbc.queryForObject(
                    "SELECT payload FROM dead_letter_entry WHERE processing_group = ?", byte[].class, group),
                    StandardCharsets.UTF_8);
            assertThat(stored).contains("\"@pd\":{\"v\":\"pd2\"").doesNotContain(marker, "pd1:", "\"m\":");
            assertThat(payloads(queue, subject)).containsExactly(event);

            transactionManager.executeInTransaction(() -> vault.erase(subject));
            Profile erased = ((ProfileUpdated) payloads(queue, subject).get(0)).profile();
            assertThat(erased.fullName()).isEqualTo("[erased]");
            assertThat(erased.city()).isEqualTo("[erased]");
            assertThat(erased.gender()).isNull();
            assertThat(erased.incomeBand()).isNull();
        } finally {
            transactionManager.executeInTransaction(queue::clear);
        }
    }

    private List<Object> payloads(JdbcSequencedDeadLetterQueue<EventMessage<?>> queue, UUID subject) {
        List<Object> payloads = new ArrayList<>();
        transactionManager.executeInTransaction(() -> {
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(subject.toString())) {
                payloads.add(letter.message().getPayload());
            }
        });
        return payloads;
    }
}
