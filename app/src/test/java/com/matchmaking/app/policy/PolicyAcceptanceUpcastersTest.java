package com.matchmaking.app.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptances stored before languages (revision 1 of {@link PrivacyPolicyAccepted} and {@link MemberRegistered}) are
 * read through the application's own upcaster chain and serializer with the language and the hash null, and the
 * encrypted fields of an old registration still decrypt.
 */
class PolicyAcceptanceUpcastersTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void aRevisionOneRegistrationIsReadWithTheLanguageAndHashUnknownAndItsCiphertextStillDecrypts() throws Exception {
        Api.Registered member = api().register(TestMembers.fresh());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", member.memberId().toString(), MemberRegistered.class.getName());
        assertThat(row.get("payload_revision")).isEqualTo("2");
        ObjectNode stored = (ObjectNode) JSON.readTree((byte[]) row.get("payload"));
        assertThat(stored.get("acceptedPrivacyPolicyLanguage").asText()).isEqualTo("en");
        // As the event was written before revision 2: the same ciphertext, without the two properties.
        stored.remove(List.of("acceptedPrivacyPolicyLanguage", "acceptedPrivacyPolicyTextHash"));

        MemberRegistered old = (MemberRegistered) readAsStored(row, "1", JSON.writeValueAsBytes(stored));

        assertThat(old.acceptedPrivacyPolicyLanguage()).isNull();
        assertThat(old.acceptedPrivacyPolicyTextHash()).isNull();
        assertThat(old.acceptedPrivacyPolicyVersion()).isEqualTo("2026-11");
        assertThat(old.profile().fullName()).as("decrypted after upcasting").isEqualTo(member.data().fullName());
        assertThat(old.passwordHash()).isNotBlank();
    }

    @Test
    void aRevisionOneAcceptanceIsReadWithTheLanguageAndHashUnknown() throws Exception {
        UUID memberId = UUID.randomUUID();
        ObjectNode current = (ObjectNode) JSON.readTree(serializer.serialize(
                new PrivacyPolicyAccepted(memberId, "2026-11", Instant.parse("2026-11-20T08:00:00Z"), "en", "a".repeat(64)),
                byte[].class).getData());
        current.remove(List.of("language", "textHash"));
        Map<String, Object> row = Map.of("type", "Member", "aggregate_identifier", memberId.toString(),
                "sequence_number", 3L, "event_identifier", UUID.randomUUID().toString(),
                "time_stamp", "2026-11-20T08:00:00Z", "payload_type", PrivacyPolicyAccepted.class.getName(),
                "meta_data", "{}".getBytes());

        PrivacyPolicyAccepted old = (PrivacyPolicyAccepted) readAsStored(row, "1", JSON.writeValueAsBytes(current));

        assertThat(old).isEqualTo(new PrivacyPolicyAccepted(memberId, "2026-11", Instant.parse("2026-11-20T08:00:00Z"), null, null));
    }

    /** The event as the event store would read it from a row with this revision and payload. */
    private Object readAsStored(Map<String, Object> row, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>((String) row.get("type"),
                (String) row.get("aggregate_identifier"), ((Number) row.get("sequence_number")).longValue(),
                (String) row.get("event_identifier"), row.get("time_stamp"), (String) row.get("payload_type"), revision,
                payload, (byte[]) row.get("meta_data"));
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).singleElement().satisfies(e -> assertThat(e.getType().getRevision()).isEqualTo("2"));
        return serializer.deserialize(upcast.get(0).getData());
    }
}
