package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.matchmaking.keys.CiphertextIntegrityException;
import com.matchmaking.keys.SubjectErasedException;
import com.matchmaking.keys.UnclassifiedDataException;
import com.matchmaking.keys.kek.KekProvider;
import com.matchmaking.keys.testing.KeysDatabase;
import com.matchmaking.keys.testing.LegacyPd1Serializer;
import com.matchmaking.keys.testing.SampleEvents.Status;
import com.matchmaking.keys.testing.SampleEvents.StatusDeclared;
import com.matchmaking.keys.testing.SampleEvents.MobileChanged;
import com.matchmaking.keys.testing.SampleEvents.MobileChangedUnpinned;
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
    void storedBytesHoldNoPersonalValueButKeepNonPersonalOnesReadable() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "Zq81");

        String stored = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        ObjectNode outside = (ObjectNode) JSON.readTree(stored);
        ArrayNode sealed = sealed(outside);
        outside.remove("@pd");
        outside.remove("subjectId");
        // The subject id and Base64 may hold any short digit run by chance; look for values outside the envelope,
        // and require the envelope to hold nothing but subject, group, generation and Base64.
        assertThat(outside.toString()).doesNotContain("Zq81", "1990", "172", "hiking", "tea");
        assertThat(sealed).allSatisfy(item -> assertThat(item.textValue())
                .matches(event.subjectId() + ":(profile|contact|sensitive):1:[A-Za-z0-9+/]+=*"));
        assertThat(stored).contains(event.subjectId().toString(), "2026-11-29T08:00:00Z", "ACTIVE", "\"CN\"");
        assertThat(stored).contains("\"@pd\":{\"v\":\"pd2\"", ":profile:1:", ":contact:1:", ":sensitive:1:");
        assertThat(stored).as("personal properties leave the tree, so neither value nor nullness shows")
                .doesNotContain("\"fullName\"", "\"phone\"", "\"email\"", "\"heightCm\"", "\"city\"");
    }

    @Test
    void oneSealedValuePerSubjectAndGroupPaddedToASizeClass() throws Exception {
        UUID subject = UUID.randomUUID();
        ArrayNode shortName = sealed(storedTree(profile(subject, "a")));
        ArrayNode longerName = sealed(storedTree(profile(subject, "abcdefghijkl")));

        assertThat(shortName).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(shortName.get(i).textValue().length()).isEqualTo(longerName.get(i).textValue().length());
        }
    }

    @Test
    void aGroupWithoutValuesIsSealedTooWhenItsKeyExistsButNoKeyIsMadeForIt() throws Exception {
        UUID known = UUID.randomUUID();
        serializer.serialize(profile(known, "keys"), byte[].class);
        ProfileRecorded onlyName = new ProfileRecorded(known, "Only Name", null, null, null, null, null, null,
                Instant.parse("2026-11-29T08:00:00Z"), null);
        UUID unknown = UUID.randomUUID();
        ProfileRecorded newcomer = new ProfileRecorded(unknown, "Only Name", null, null, null, null, null, null,
                Instant.parse("2026-11-29T08:00:00Z"), null);

        assertThat(sealed(storedTree(onlyName))).hasSize(3);
        assertThat((ProfileRecorded) serializer.deserialize(serializer.serialize(onlyName, byte[].class))).isEqualTo(onlyName);
        assertThat(sealed(storedTree(newcomer))).hasSize(1);
        assertThat(vault.existingWriteKeys(unknown, java.util.List.of("contact", "sensitive"))).isEmpty();
    }

    @Test
    void enumAndBooleanValuesSealToEqualLengthsWhateverTheValueOrItsNullness() throws Exception {
        UUID subject = UUID.randomUUID();
        java.util.List<Status> statuses = new java.util.ArrayList<>(java.util.Arrays.asList(Status.values()));
        statuses.add(null);
        // A remark of every length across one size class puts the values on each side of a padding boundary.
        for (int fill = 0; fill < SealedEnvelope.SIZE_CLASS; fill++) {
            java.util.Set<Integer> lengths = new java.util.TreeSet<>();
            for (Status status : statuses) {
                for (Boolean verified : new Boolean[]{true, false, null}) {
                    for (boolean consented : new boolean[]{true, false}) {
                        StatusDeclared event = new StatusDeclared(subject, status, verified, consented, "r".repeat(fill));
                        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
                        lengths.add(stored.getData().length);
                        if (fill == 0) {
                            assertThat((StatusDeclared) serializer.deserialize(stored)).isEqualTo(event);
                        }
                    }
                }
            }
            assertThat(lengths).as("stored sizes over every value, with a remark of " + fill).hasSize(1);
        }
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
        String contact = slot(tree, "contact");
        char last = contact.charAt(contact.length() - 3);
        replaceSlot(tree, "contact", contact.substring(0, contact.length() - 3) + (last == 'A' ? 'B' : 'A')
                + contact.substring(contact.length() - 2));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class)
                .hasMessageContaining("contact")
                .hasMessageNotContaining("tamper");
    }

    @Test
    void ciphertextMovedToAnotherSubjectFailsToDecrypt() throws Exception {
        ProfileRecorded alice = profile(UUID.randomUUID(), "alice");
        ProfileRecorded bob = profile(UUID.randomUUID(), "bob");
        ObjectNode bobTree = storedTree(bob);
        ObjectNode aliceTree = storedTree(alice);
        bobTree.set("@pd", aliceTree.get("@pd"));

        assertThatThrownBy(() -> serializer.deserialize(restore(bobTree, bob)))
                .as("Alice's envelope in Bob's event").isInstanceOf(CiphertextIntegrityException.class);

        ObjectNode relabelled = storedTree(bob);
        replaceSlot(relabelled, "contact", slot(aliceTree, "contact").replace(alice.subjectId().toString(),
                bob.subjectId().toString()));
        assertThatThrownBy(() -> serializer.deserialize(restore(relabelled, bob)))
                .as("Alice's sealed value relabelled as Bob's").isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void ciphertextRelabelledToAnotherGroupFailsToDecrypt() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "moved");
        ObjectNode tree = storedTree(event);
        // Swap the labels of two groups' sealed values: the keys still exist, only the binding can catch this.
        String contact = slot(tree, "contact");
        String profileSlot = slot(tree, "profile");
        replaceSlot(tree, "contact", profileSlot.replace(":profile:", ":contact:"));
        replaceSlot(tree, "profile", contact.replace(":contact:", ":profile:"));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void ciphertextMovedToAnotherEventTypeFailsToDecrypt() throws Exception {
        UUID subject = UUID.randomUUID();
        ProfileRecorded event = profile(subject, "othertype");
        PhoneChanged change = new PhoneChanged(subject, "+8613900000000");
        ObjectNode changeTree = (ObjectNode) JSON.readTree(serializer.serialize(change, byte[].class).getData());
        replaceSlot(changeTree, "contact", slot(storedTree(event), "contact"));

        assertThatThrownBy(() -> serializer.deserialize(restore(changeTree, change)))
                .isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void ciphertextMovedToAnotherMessageFailsToDecrypt() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "msg");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class, "message-1");

        assertThat((ProfileRecorded) serializer.deserialize(new MessageBoundSerializedObject<>(stored, "message-1")))
                .isEqualTo(event);
        assertThat((ProfileRecorded) serializer.deserialize(stored)).as("read where the message is not known")
                .isEqualTo(event);
        assertThatThrownBy(() -> serializer.deserialize(new MessageBoundSerializedObject<>(stored, "message-2")))
                .as("the same payload on another message").isInstanceOf(CiphertextIntegrityException.class);

        ObjectNode tree = (ObjectNode) JSON.readTree(stored.getData());
        ((ObjectNode) tree.get("@pd")).put("m", "message-2");
        assertThatThrownBy(() -> serializer.deserialize(new MessageBoundSerializedObject<>(restore(tree, event), "message-2")))
                .as("and with the recorded identifier rewritten to match").isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void aBatchViewBindsEachPayloadToItsOwnMessage() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "batch");
        var message = new org.axonframework.eventhandling.GenericEventMessage<>(event);

        SerializedObject<byte[]> stored = serializer.bindingIdentifiersOf(java.util.List.of(message))
                .serialize(event, byte[].class);

        assertThat(JSON.readTree(stored.getData()).path("@pd").path("m").textValue()).isEqualTo(message.getIdentifier());
        assertThatThrownBy(() -> serializer.deserialize(new MessageBoundSerializedObject<>(stored, "another")))
                .isInstanceOf(CiphertextIntegrityException.class);
    }

    @Test
    void renamedTypesAndPropertiesReadOldSealedValuesThroughTheirBindingNames() {
        PhoneChanged old = new PhoneChanged(UUID.randomUUID(), "+8613712345678");
        SerializedObject<byte[]> stored = serializer.serialize(old, byte[].class, "event-1");

        MobileChanged renamed = serializer.deserialize(new MessageBoundSerializedObject<>(
                asType(stored, MobileChanged.class), "event-1"));

        assertThat(renamed.mobile()).isEqualTo(old.phone());
        assertThatThrownBy(() -> serializer.deserialize(asType(stored, MobileChangedUnpinned.class)))
                .as("renamed without pinning the binding").isInstanceOf(CiphertextIntegrityException.class);
    }

    private SerializedObject<byte[]> asType(SerializedObject<byte[]> stored, Class<?> type) {
        return new SimpleSerializedObject<>(stored.getData(), byte[].class, serializer.typeForClass(type));
    }

    @Test
    void plaintextWhereCiphertextBelongsIsRefused() throws Exception {
        ProfileRecorded event = profile(UUID.randomUUID(), "plain");
        ObjectNode tree = storedTree(event);
        tree.set("phone", TextNode.valueOf("+8613800000000"));

        assertThatThrownBy(() -> serializer.deserialize(restore(tree, event)))
                .isInstanceOf(CiphertextIntegrityException.class)
                .hasMessageContaining("phone")
                .hasMessageNotContaining("13800000000");
    }

    @Test
    void valuesStoredAsPd1KeepReadingAndReadBackAsPlaceholdersOnceErased() throws Exception {
        LegacyPd1Serializer legacy = new LegacyPd1Serializer(serializer, Vaults.plainSerializer(), vault);
        ProfileRecorded event = profile(UUID.randomUUID(), "legacy");
        SerializedObject<byte[]> stored = legacy.serialize(event, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"phone\":\"pd1:contact:1:")
                .doesNotContain("@pd", "legacy");

        assertThat((ProfileRecorded) serializer.deserialize(stored)).isEqualTo(event);
        assertThat((ProfileRecorded) freshNode().deserialize(new MessageBoundSerializedObject<>(stored, "any"))).isEqualTo(event);

        ObjectNode tampered = (ObjectNode) JSON.readTree(stored.getData());
        tampered.set("phone", ((ObjectNode) JSON.readTree(legacy.serialize(profile(UUID.randomUUID(), "x"), byte[].class)
                .getData())).get("phone"));
        assertThatThrownBy(() -> serializer.deserialize(restore(tampered, event)))
                .isInstanceOf(CiphertextIntegrityException.class).hasMessageContaining("phone");

        vault.erase(event.subjectId());
        ProfileRecorded erased = freshNode().deserialize(stored);
        assertThat(erased.fullName()).isEqualTo("[erased]");
        assertThat(erased.email()).isNull();
        assertThat(erased.address().city()).isEqualTo("[erased]");
        assertThat(erased.recordedAt()).isEqualTo(event.recordedAt());
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

        assertThat(new String(after.getData(), StandardCharsets.UTF_8)).contains(":sensitive:2:", ":profile:1:");
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

    private static ArrayNode sealed(ObjectNode tree) {
        return (ArrayNode) tree.get("@pd").get("s");
    }

    private static String slot(ObjectNode tree, String group) {
        for (JsonNode item : sealed(tree)) {
            if (item.textValue().split(":")[1].equals(group)) {
                return item.textValue();
            }
        }
        throw new AssertionError("no sealed value of group " + group);
    }

    private static void replaceSlot(ObjectNode tree, String group, String replacement) {
        ArrayNode items = sealed(tree);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).textValue().split(":")[1].equals(group)) {
                items.set(i, TextNode.valueOf(replacement));
                return;
            }
        }
        throw new AssertionError("no sealed value of group " + group);
    }

    private SerializedObject<byte[]> restore(ObjectNode tree, Object original) throws Exception {
        return new SimpleSerializedObject<>(JSON.writeValueAsBytes(tree), byte[].class,
                serializer.typeForClass(original.getClass()));
    }
}
