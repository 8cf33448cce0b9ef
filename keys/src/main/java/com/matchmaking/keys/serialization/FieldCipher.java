package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.matchmaking.keys.CiphertextIntegrityException;
import com.matchmaking.keys.vault.ReadKey;
import com.matchmaking.keys.vault.SubjectKeyVault;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the first format, {@code pd1}, which is no longer written: each personal property was its own ciphertext,
 * stored in its place as the text {@code pd1:<group>:<generation>:<base64 ciphertext>} (the plaintext being the
 * property's JSON), unpadded, so its length showed. Events stored that way keep reading, and read back as
 * placeholders once their keys are destroyed. Keys are asked for once per key, not once per property.
 */
final class FieldCipher {

    static final String FORMAT_PREFIX = "pd1:";

    private final SubjectKeyVault vault;
    private final ObjectMapper mapper;

    FieldCipher(SubjectKeyVault vault, ObjectMapper mapper) {
        this.vault = vault;
        this.mapper = mapper;
    }

    void decrypt(ClassPlan plan, ObjectNode root) {
        // Most fields of an event share a few keys: ask the vault once per key, not once per field.
        Map<String, ReadKey> keys = new HashMap<>();
        for (FieldPlan field : plan.personalFields()) {
            JsonNode value = valueAt(root, field.path());
            if (!isPresent(value)) {
                continue;
            }
            String where = plan.type().getSimpleName() + "." + field.dottedPath();
            StoredValue stored = StoredValue.parse(value, where);
            UUID subject = subjectOf(plan, root, field);
            ReadKey key = keys.computeIfAbsent(subject + "|" + stored.group + "|" + stored.generation,
                    k -> vault.readKey(subject, stored.group, stored.generation));
            JsonNode plain;
            if (key instanceof ReadKey.Live live) {
                try {
                    plain = mapper.readTree(live.aead().decrypt(stored.ciphertext, field.associatedData(subject)));
                } catch (GeneralSecurityException e) {
                    throw new CiphertextIntegrityException("Ciphertext of " + where + " for subject " + subject
                            + " failed authentication: altered, or moved from another subject or property", e);
                } catch (IOException e) {
                    throw new CiphertextIntegrityException("Decrypted value of " + where + " is not JSON");
                }
            } else {
                plain = field.placeholder() == null ? NullNode.getInstance() : TextNode.valueOf(field.placeholder());
            }
            parentOf(root, field.path()).set(last(field.path()), plain);
        }
    }

    private record StoredValue(String group, int generation, byte[] ciphertext) {

        static StoredValue parse(JsonNode node, String where) {
            String text = node.isTextual() ? node.textValue() : null;
            if (text == null || !text.startsWith(FORMAT_PREFIX)) {
                throw new CiphertextIntegrityException(where + " holds a value that is not ciphertext of a known format");
            }
            String[] parts = text.split(":", 4);
            if (parts.length != 4) {
                throw new CiphertextIntegrityException(where + " holds malformed ciphertext");
            }
            try {
                return new StoredValue(parts[1], Integer.parseInt(parts[2]), Base64.getDecoder().decode(parts[3]));
            } catch (IllegalArgumentException e) {
                throw new CiphertextIntegrityException(where + " holds malformed ciphertext");
            }
        }
    }

    private static UUID subjectOf(ClassPlan plan, ObjectNode root, FieldPlan field) {
        JsonNode id = root.get(field.subjectProperty());
        if (id == null || !id.isTextual()) {
            throw new IllegalStateException(plan.type().getSimpleName() + "." + field.dottedPath()
                    + " has a value but its subject property " + field.subjectProperty() + " is empty");
        }
        return UUID.fromString(id.textValue());
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static JsonNode valueAt(ObjectNode root, List<String> path) {
        JsonNode node = root;
        for (String name : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    private static ObjectNode parentOf(ObjectNode root, List<String> path) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = (ObjectNode) node.get(path.get(i));
        }
        return node;
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }
}
