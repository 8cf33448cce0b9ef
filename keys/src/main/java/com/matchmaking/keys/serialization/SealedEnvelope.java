package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.matchmaking.keys.CiphertextIntegrityException;
import com.matchmaking.keys.vault.ReadKey;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.keys.vault.WriteKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code pd2} format: every personal property of one message that belongs to one subject and key group is
 * sealed together as one AES-256-GCM ciphertext, padded so that its length tells nothing a size class does not.
 *
 * <p>The personal properties leave the JSON tree (so neither a value nor its nullness shows) and one reserved
 * property, {@value #PROPERTY}, holds {@code {"v":"pd2","m":<message id>,"s":["<subject>:<group>:<generation>:<base64>",
 * ...]}}: the format version, the identifier of the message when the writer knew it, and one sealed value per subject
 * and group. Inside, the plaintext is a JSON object keyed by each property's binding path (stable across renames
 * through {@code @BindingName}, so an upcaster that renames or moves properties never makes it unreadable), null
 * values included, each enum and boolean followed by spaces up to the width of its longest value, the whole padded
 * with spaces to the next multiple of {@value #SIZE_CLASS} bytes (JSON ignores whitespace between tokens).
 *
 * <p>The associated data binds format, type binding, subject, group, generation and the recorded message id, so a
 * sealed value moved to another subject, group, message type or message fails; a reader that knows the message's
 * own identifier (the storage engine's rows) also checks that the recorded one is that.
 */
final class SealedEnvelope {

    static final String PROPERTY = "@pd";
    static final String VERSION = "pd2";
    static final int SIZE_CLASS = 64;
    private static final byte SPACE = ' ';

    private final SubjectKeyVault vault;
    private final ObjectMapper mapper;
    private final Map<Class<?>, Layout> layouts = new ConcurrentHashMap<>();

    SealedEnvelope(SubjectKeyVault vault, ObjectMapper mapper) {
        this.vault = vault;
        this.mapper = mapper;
    }

    /** How each personal property of one class is written inside a plaintext: its key and its fixed width. */
    private record Layout(List<Entry> entries) {
    }

    private record Entry(FieldPlan field, byte[] key, int width) {
    }

    private record SlotKey(UUID subject, String group) {
    }

    /** One property's value on its way into a plaintext ({@code null} as a JSON null). */
    private record Sealing(Entry entry, JsonNode value) {
    }

    /** Seals the personal properties of the tree into the envelope, removing them from the tree. */
    void seal(ClassPlan plan, ObjectNode root, String messageId) {
        Layout layout = layout(plan);
        Map<SlotKey, List<Sealing>> slots = new LinkedHashMap<>();
        Map<UUID, Set<String>> required = new LinkedHashMap<>();
        Map<UUID, Set<String>> optional = new LinkedHashMap<>();
        for (Entry entry : layout.entries()) {
            FieldPlan field = entry.field();
            ObjectNode parent = parentOf(root, field.path());
            JsonNode value = parent == null ? null : parent.get(last(field.path()));
            boolean present = value != null && !value.isNull() && !value.isMissingNode();
            UUID subject = subjectOf(plan, root, field, present);
            if (parent != null) {
                parent.remove(last(field.path()));
            }
            if (subject == null) {
                continue;
            }
            slots.computeIfAbsent(new SlotKey(subject, field.group()), k -> new ArrayList<>())
                    .add(new Sealing(entry, present ? value : NullNode.getInstance()));
            (present ? required : optional).computeIfAbsent(subject, s -> new LinkedHashSet<>()).add(field.group());
        }
        ObjectNode envelope = root.objectNode();
        envelope.put("v", VERSION);
        if (messageId != null) {
            envelope.put("m", messageId);
        }
        ArrayNode sealed = envelope.putArray("s");
        Map<UUID, Map<String, WriteKey>> keys = new HashMap<>();
        for (Map.Entry<UUID, Set<String>> subject : required.entrySet()) {
            keys.put(subject.getKey(), new HashMap<>(vault.writeKeys(subject.getKey(), subject.getValue())));
        }
        for (Map.Entry<UUID, Set<String>> subject : optional.entrySet()) {
            Set<String> groups = new LinkedHashSet<>(subject.getValue());
            groups.removeAll(required.getOrDefault(subject.getKey(), Set.of()));
            if (!groups.isEmpty()) {
                // Groups with no value in this message are sealed too when their key exists, so that nothing shows
                // which groups were empty; no key is made for them.
                keys.computeIfAbsent(subject.getKey(), s -> new HashMap<>())
                        .putAll(vault.existingWriteKeys(subject.getKey(), groups));
            }
        }
        for (Map.Entry<SlotKey, List<Sealing>> slot : slots.entrySet()) {
            UUID subject = slot.getKey().subject();
            String group = slot.getKey().group();
            WriteKey key = keys.getOrDefault(subject, Map.of()).get(group);
            if (key == null) {
                continue; // only possible for a group with no value at all
            }
            try {
                byte[] ciphertext = key.aead().encrypt(plaintext(slot.getValue()),
                        associatedData(plan, subject, group, key.generation(), messageId));
                sealed.add(subject + ":" + group + ":" + key.generation() + ":"
                        + Base64.getEncoder().encodeToString(ciphertext));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("Cannot seal group " + group + " of " + plan.type().getSimpleName(), e);
            }
        }
        root.set(PROPERTY, envelope);
    }

    private byte[] plaintext(List<Sealing> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE_CLASS * 2);
        out.write('{');
        for (int i = 0; i < values.size(); i++) {
            Entry entry = values.get(i).entry();
            byte[] value = mapper.writeValueAsBytes(values.get(i).value());
            if (i > 0) {
                out.write(',');
            }
            out.write(entry.key());
            out.write(value);
            for (int pad = value.length; pad < entry.width(); pad++) {
                out.write(SPACE);
            }
        }
        out.write('}');
        int length = out.size();
        int padded = Math.max(SIZE_CLASS, (length + SIZE_CLASS - 1) / SIZE_CLASS * SIZE_CLASS);
        byte[] spaces = new byte[padded - length];
        Arrays.fill(spaces, SPACE);
        out.write(spaces);
        return out.toByteArray();
    }

    /** Opens the envelope into the tree, or puts placeholders where a key was destroyed. */
    void open(ClassPlan plan, ObjectNode root, JsonNode envelope, String knownMessageId) {
        String where = plan.type().getSimpleName();
        root.remove(PROPERTY);
        if (!envelope.isObject() || !VERSION.equals(envelope.path("v").asText(null)) || !envelope.path("s").isArray()) {
            throw new CiphertextIntegrityException(where + " holds a sealed envelope of no known format");
        }
        JsonNode recorded = envelope.get("m");
        String messageId = recorded == null || recorded.isNull() ? null : recorded.asText();
        if (knownMessageId != null && messageId != null && !messageId.equals(knownMessageId)) {
            throw new CiphertextIntegrityException(where + " holds personal data sealed for another message");
        }
        Layout layout = layout(plan);
        for (Entry entry : layout.entries()) {
            ObjectNode parent = parentOf(root, entry.field().path());
            if (parent == null) {
                continue;
            }
            JsonNode outside = parent.get(last(entry.field().path()));
            if (outside != null && !outside.isNull()) {
                throw new CiphertextIntegrityException(where + "." + entry.field().dottedPath()
                        + " holds a value outside its sealed envelope");
            }
            parent.set(last(entry.field().path()), NullNode.getInstance());
        }
        Map<String, ReadKey> keys = new HashMap<>();
        for (JsonNode item : envelope.get("s")) {
            String[] parts = item.isTextual() ? item.textValue().split(":", 4) : new String[0];
            if (parts.length != 4) {
                throw new CiphertextIntegrityException(where + " holds a malformed sealed value");
            }
            UUID subject;
            int generation;
            byte[] ciphertext;
            try {
                subject = UUID.fromString(parts[0]);
                generation = Integer.parseInt(parts[2]);
                ciphertext = Base64.getDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                throw new CiphertextIntegrityException(where + " holds a malformed sealed value");
            }
            String group = parts[1];
            String subjectText = subject.toString();
            List<FieldPlan> fields = new ArrayList<>();
            for (Entry entry : layout.entries()) {
                FieldPlan field = entry.field();
                JsonNode id = root.get(field.subjectProperty());
                if (field.group().equals(group) && id != null && id.isTextual() && id.textValue().equals(subjectText)) {
                    fields.add(field);
                }
            }
            if (fields.isEmpty()) {
                throw new CiphertextIntegrityException(where + " holds a value sealed for subject " + subject
                        + " and group " + group + ", which this message does not name");
            }
            ReadKey key = keys.computeIfAbsent(subject + "|" + group + "|" + generation,
                    k -> vault.readKey(subject, group, generation));
            if (key instanceof ReadKey.Live live) {
                JsonNode plain;
                try {
                    plain = mapper.readTree(live.aead().decrypt(ciphertext,
                            associatedData(plan, subject, group, generation, messageId)));
                } catch (GeneralSecurityException e) {
                    throw new CiphertextIntegrityException("Sealed group " + group + " of " + where + " for subject "
                            + subject + " failed authentication: altered, or moved from another subject, group,"
                            + " message type or message", e);
                } catch (IOException e) {
                    throw new CiphertextIntegrityException("Sealed group " + group + " of " + where + " is not JSON");
                }
                for (FieldPlan field : fields) {
                    JsonNode value = plain.get(field.bindingPath());
                    if (value != null && !value.isNull()) {
                        parentOrCreate(root, field.path()).set(last(field.path()), value);
                    }
                }
            } else {
                for (FieldPlan field : fields) {
                    ObjectNode parent = parentOf(root, field.path());
                    if (parent != null && field.placeholder() != null) {
                        parent.set(last(field.path()), TextNode.valueOf(field.placeholder()));
                    }
                }
            }
        }
    }

    private static byte[] associatedData(ClassPlan plan, UUID subject, String group, int generation, String messageId) {
        return (VERSION + "|" + plan.bindingType() + "|" + subject + "|" + group + "|" + generation + "|"
                + (messageId == null ? "" : messageId)).getBytes(StandardCharsets.UTF_8);
    }

    private Layout layout(ClassPlan plan) {
        return layouts.computeIfAbsent(plan.type(), t -> {
            List<Entry> entries = new ArrayList<>();
            for (FieldPlan field : plan.personalFields()) {
                try {
                    byte[] key = (mapper.writeValueAsString(field.bindingPath()) + ":").getBytes(StandardCharsets.UTF_8);
                    entries.add(new Entry(field, key, fixedWidth(field)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Cannot lay out " + plan.type().getSimpleName(), e);
                }
            }
            return new Layout(List.copyOf(entries));
        });
    }

    /** The width of the longest spelling of an enum or boolean value (null included); 0 for any other type. */
    private int fixedWidth(FieldPlan field) throws JsonProcessingException {
        if (!field.isFixedSet()) {
            return 0;
        }
        int width = mapper.writeValueAsBytes(null).length;
        Object[] values = field.valueType().isEnum() ? field.valueType().getEnumConstants()
                : new Object[]{Boolean.TRUE, Boolean.FALSE};
        for (Object value : values) {
            width = Math.max(width, mapper.writeValueAsBytes(value).length);
        }
        return width;
    }

    private static UUID subjectOf(ClassPlan plan, ObjectNode root, FieldPlan field, boolean present) {
        JsonNode id = root.get(field.subjectProperty());
        if (id == null || !id.isTextual()) {
            if (present) {
                throw new IllegalStateException(plan.type().getSimpleName() + "." + field.dottedPath()
                        + " has a value but its subject property " + field.subjectProperty() + " is empty");
            }
            return null;
        }
        return UUID.fromString(id.textValue());
    }

    private static ObjectNode parentOf(ObjectNode root, List<String> path) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.get(path.get(i));
            if (node == null || !node.isObject()) {
                return null;
            }
        }
        return (ObjectNode) node;
    }

    private static ObjectNode parentOrCreate(ObjectNode root, List<String> path) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = node.get(path.get(i));
            node = child instanceof ObjectNode object ? object : node.putObject(path.get(i));
        }
        return node;
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }
}
