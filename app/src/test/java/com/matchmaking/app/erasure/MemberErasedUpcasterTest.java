package com.matchmaking.app.erasure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.schema.erasure.ErasureCause;
import com.matchmaking.schema.erasure.MemberErased;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasures stored before the cause was carried in the event (revision 1 of {@link MemberErased}), written as rows of
 * the real event store and read back through it: each comes out with the cause its metadata's purpose implies, the
 * same the erasure executor derived when it handled them; the rows themselves stay as they were.
 */
class MemberErasedUpcasterTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant REQUESTED = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant ERASED = Instant.parse("2026-10-15T08:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void aRevisionOneErasureIsReadWithTheCauseItsPurposeImplies() throws Exception {
        Map<String, ErasureCause> expected = Map.of(
                "retention-inactive", ErasureCause.RETENTION,
                "erasure-ledger-reapply", ErasureCause.ERASURE_LEDGER,
                "erasure-request", ErasureCause.MEMBER_REQUEST,
                "erasure-grace-period-passed", ErasureCause.MEMBER_REQUEST);
        for (var entry : expected.entrySet()) {
            UUID memberId = storeRevisionOne(MetaData.with("purpose", entry.getKey()));

            assertThat(readBack(memberId)).as(entry.getKey())
                    .isEqualTo(new MemberErased(memberId, REQUESTED, ERASED, entry.getValue()));
            assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?",
                    String.class, memberId.toString())).as("the stored row is left as it is").isEqualTo("1");
        }
        UUID withoutPurpose = storeRevisionOne(MetaData.emptyInstance());
        assertThat(readBack(withoutPurpose).cause()).isEqualTo(ErasureCause.MEMBER_REQUEST);
    }

    @Test
    void aRevisionTwoErasureKeepsItsOwnCauseWhateverItsPurpose() throws Exception {
        UUID memberId = UUID.randomUUID();
        byte[] payload = serializer.serialize(new MemberErased(memberId, REQUESTED, ERASED, ErasureCause.RETENTION),
                byte[].class).getData();
        insert(memberId, "2", payload, MetaData.with("purpose", "erasure-request"));

        assertThat(readBack(memberId).cause()).isEqualTo(ErasureCause.RETENTION);
    }

    /** A row as the event store held it before revision 2: the payload without the cause. */
    private UUID storeRevisionOne(MetaData metaData) throws Exception {
        UUID memberId = UUID.randomUUID();
        ObjectNode payload = (ObjectNode) JSON.readTree(serializer.serialize(
                new MemberErased(memberId, REQUESTED, ERASED, ErasureCause.MEMBER_REQUEST), byte[].class).getData());
        payload.remove("cause");
        insert(memberId, "1", JSON.writeValueAsBytes(payload), metaData);
        return memberId;
    }

    private void insert(UUID memberId, String revision, byte[] payload, MetaData metaData) {
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, "
                        + "payload, payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Member', ?, ?, ?, ?, ?, ?)",
                memberId.toString(), UUID.randomUUID().toString(), serializer.serialize(metaData, byte[].class).getData(),
                payload, revision, MemberErased.class.getName(), ERASED.toString());
    }

    private MemberErased readBack(UUID memberId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(memberId.toString()).asStream().toList();
        assertThat(events).singleElement();
        return (MemberErased) events.get(0).getPayload();
    }
}
