package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.matchmaking.keys.CiphertextIntegrityException;
import com.matchmaking.keys.SubjectErasedException;
import com.matchmaking.keys.UnclassifiedDataException;
import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.SampleEvents.NoteShared;
import com.matchmaking.keys.testing.SampleEvents.NothingPersonal;
import com.matchmaking.keys.testing.SampleEvents.PhoneChanged;
import com.matchmaking.keys.testing.SampleEvents.ProfileRecorded;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.testing.Vaults;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static com.matchmaking.keys.testing.SampleEvents.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("external-postgres")
class CryptoShreddingSerializerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPostgres.Database database;
    private static KekProvider kek;

    private SubjectKeyVault vault;
    private CryptoShreddingSerializer serializer;

    @BeforeAll
    static void database() {
        database = KeysDatabase.migrated("keys_serializer");
        kek = Vaults.freshKek();
    }

    @org.junit.jupiter.api.BeforeEach
    void serializer() {
        vault = Vaults.vault(database.dataSource(), kek);
        serializer = Vaults.serializer(vault);
    }

    /** A second node: its own cache, the same database and KEK. */
    private CryptoShreddingSerializer freshNode() {
        return Vaults.serializer(Vaults.vault(database.dataSource(), kek));
    }

    @Test
    void roundTripRestoresEveryPersonalAndPlainProperty() {
        ProfileRecorded event = profile(UUID.randomUUID(), "rt1");

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat((ProfileRecorded) serializer.deserialize(stored)).isEqualTo(event);
        assertThat((ProfileRecorded) freshNode().deserialize(stored)).isEqualTo(event);
    }

    @Test
    void storedBytesHoldNoPersonalValueButKeepNonPersonalOnesReadable() {
        ProfileRecorded event = profile(UUID.randomUUID(), "Zq81");

        String stored = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(stored).doesNotContain("Zq81", "1990", "172", "hiking", "tea");
        assertThat(stored).contains(event.subjectId().toString(), "2026-11-29T08:00:00Z", "ACTIVE", "\"CN\"");
        assertThat(stored).contains("\"fullName\":\"pd1:profile:1:", "\"phone\":\"pd1:contact:1:", "\"heightCm\":\"pd1:sensitive:1:");
    }

    @Test
    void everyRepresentationAxonAsksForRoundTrips() {
        ProfileRecorded event = profile(UUID.randomUUID(), "rep");

        SerializedObject<String> asText = serializer.serialize(event, String.class);
        SerializedObject<JsonNode> asTree = serializer.serialize(event, JsonNode.class);

        assertThat(asText.getData()).doesNotContain("rep@example.com");
        assertThat((ProfileRecorded) serializer.deserialize(asText)).isEqualTo(event);
        assertThat((ProfileRecorded) serializer.deserialize(asTree)).isEqualTo(event);
    }

    @Test
    void decryptingATreeLeavesTheStoredTreeEncrypted() {
        ProfileRecorded event = profile(UUID.randomUUID(), "shared");
        SerializedObject<JsonNode> asTree = serializer.serialize(event, JsonNode.class);

        serializer.deserialize(asTree);

        assertThat(asTree.getData().toString()).doesNotContain("shared@example.com");
    }

    @Test
    void tamperedCiphertextFailsToDecrypt() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "tamper");
        ObjectNode tree = storedTree(event);
        String phone = tree.get("phone").textValue();
        char last = phone.charAt(phone.length() - 3);
        tree.put("phone", phone.substring(0, phone.length() - 3) + (last == 'A' ? 'B' : 'A') + phone.substring(phone.length() - 2));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class)
                .hasMessageContaining("phone")
                .hasMessageNotContaining("tamper");
    }

    @Test
    void ciphertextMovedToAnotherSubjectFailsToDecrypt() throws Exception {
        ProfileRecorded alice = profile(UUID.randomUUID(), "alice");
        ProfileRecorded bob = profile(UUID.randomUUID(), "bob");
        ObjectNode bobTree = storedTree(bob);
        bobTree.set("phone", storedTree(alice).get("phone"));

        assertThatThrownBy(() -> serializer.deserialize(restore(bobTree, bob)))
                .isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void ciphertextMovedToAnotherPropertyOfTheSameGroupFailsToDecrypt() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "moved");
        ObjectNode tree = storedTree(event);
        // phone and address.city share the contact group, so only the binding to the property can catch this.
        ((ObjectNode) tree.get("address")).set("city", tree.get("phone"));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class)
                .hasMessageContaining("address.city");
    }

    @Test
    void ciphertextMovedToTheSamePropertyOfAnotherEventTypeFailsToDecrypt() throws Exception {
        UUID subject = UUID.randomUUID();
        ProfileRecorded event = profile(subject, "othertype");
        PhoneChanged change = new PhoneChanged(subject, "+8613900000000");
        ObjectNode changeTree = (ObjectNode) JSON.readTree(serializer.serialize(change, byte[].class).getData());
        changeTree.set("phone", storedTree(event).get("phone"));

        assertThatThrownBy(() -> serializer.deserialize(restore(changeTree, change)))
                .isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void plaintextWhereCiphertextBelongsIsRefused() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "plain");
        ObjectNode tree = storedTree(event);
        tree.set("phone", TextNode.valueOf("+8613800000000"));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class)
                .hasMessageNotContaining("13800000000");
    }

    @Test
    void erasedSubjectReadsBackAsDeclaredPlaceholders() {
        ProfileRecorded event = profile(UUID.randomUUID(), "gone");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        vault.erase(event.subjectId());
        ProfileRecorded erased = serializer.deserialize(stored);

        assertThat(erased.subjectId()).isEqualTo(event.subjectId());
        assertThat(erased.fullName()).isEqualTo("[erased]");
        assertThat(erased.phone()).isEqualTo("[erased]");
        assertThat(erased.email()).as("declared ERASED_AS_NULL").isNull();
        assertThat(erased.birthDate()).as("not text").isNull();
        assertThat(erased.heightCm()).isNull();
        assertThat(erased.hobbies()).isNull();
        assertThat(erased.address().city()).isEqualTo("[erased]");
        assertThat(erased.address().countryCode()).isEqualTo("CN");
        assertThat(erased.recordedAt()).isEqualTo(event.recordedAt());
        assertThat((ProfileRecorded) freshNode().deserialize(stored)).isEqualTo(erased);
    }

    @Test
    void writesForAnErasedSubjectAreRefused() {
        UUID subject = UUID.randomUUID();
        serializer.serialize(profile(subject, "before"), byte[].class);
        vault.erase(subject);

        assertThatThrownBy(() -> serializer.serialize(profile(subject, "after"), byte[].class))
                .isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> freshNode().serialize(profile(subject, "after"), byte[].class))
                .isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void shreddingOneGroupLeavesTheOtherGroupsReadable() {
        ProfileRecorded event = profile(UUID.randomUUID(), "grp");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(vault.destroyGroup(event.subjectId(), "sensitive")).isTrue();
        ProfileRecorded read = freshNode().deserialize(stored);

        assertThat(read.heightCm()).isNull();
        assertThat(read.fullName()).isEqualTo(event.fullName());
        assertThat(read.phone()).isEqualTo(event.phone());
        assertThat(read.address()).isEqualTo(event.address());
        assertThat((ProfileRecorded) serializer.deserialize(stored)).isEqualTo(read);
    }

    @Test
    void aShreddedGroupGetsANewGenerationForLaterWrites() {
        UUID subject = UUID.randomUUID();
        SerializedObject<byte[]> before = serializer.serialize(profile(subject, "gen1"), byte[].class);
        vault.destroyGroup(subject, "sensitive");

        ProfileRecorded later = profile(subject, "gen2");
        SerializedObject<byte[]> after = serializer.serialize(later, byte[].class);

        assertThat(new String(after.getData(), StandardCharsets.UTF_8)).contains("pd1:sensitive:2:", "pd1:profile:1:");
        assertThat((ProfileRecorded) freshNode().deserialize(after)).isEqualTo(later);
        assertThat(((ProfileRecorded) freshNode().deserialize(before)).heightCm()).isNull();
    }

    @Test
    void valuesAboutASecondSubjectUseThatSubjectsKey() {
        UUID author = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        NoteShared note = new NoteShared(author, recipient, "about them", "their alias");
        SerializedObject<byte[]> stored = serializer.serialize(note, byte[].class);

        vault.erase(recipient);
        NoteShared read = freshNode().deserialize(stored);

        assertThat(read.note()).isEqualTo("about them");
        assertThat(read.recipientAlias()).isEqualTo("[erased]");
    }

    @Test
    void metadataAndClassesWithoutPersonalDataPassThroughUnchanged() {
        MetaData metaData = MetaData.with("actorId", "staff-1").and("role", "ADMIN");
        NothingPersonal plain = new NothingPersonal(UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat((MetaData) serializer.deserialize(serializer.serialize(metaData, byte[].class))).isEqualTo(metaData);
        assertThat(new String(serializer.serialize(plain, byte[].class).getData(), StandardCharsets.UTF_8))
                .contains(plain.id().toString());
    }

    @Test
    void unclassifiedClassesAreRefusedBeforeAnythingIsStored() {
        record Leaky(java.util.UUID id, String note) {
        }

        assertThatThrownBy(() -> serializer.serialize(new Leaky(UUID.randomUUID(), "x"), byte[].class))
                .isInstanceOf(UnclassifiedDataException.class)
                .hasMessageContaining("Leaky.id");
    }

    @Test
    void nullPersonalValuesStayNullAndNeedNoKey() {
        UUID subject = UUID.randomUUID();
        ProfileRecorded sparse = new ProfileRecorded(subject, null, null, null, null, null, null, null,
                Instant.parse("2026-11-29T08:00:00Z"), null);

        SerializedObject<byte[]> stored = serializer.serialize(sparse, byte[].class);

        assertThat((ProfileRecorded) serializer.deserialize(stored)).isEqualTo(sparse);
        assertThat(vault.isErased(subject)).isFalse();
    }

    private ObjectNode storedTree(Object event) throws Exception {
        return (ObjectNode) JSON.readTree(serializer.serialize(event, byte[].class).getData());
    }

    private SerializedObject<byte[]> restore(ObjectNode tree, Object original) throws Exception {
        return new SimpleSerializedObject<>(JSON.writeValueAsBytes(tree), byte[].class,
                serializer.typeForClass(original.getClass()));
    }
}
