package com.matchmaking.keys.serialization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * One personal property of a class: where it sits in the JSON tree, the key group that encrypts it, which
 * top-level property names its subject, what it reads back as once erased, and the stable names its ciphertext is
 * bound to.
 *
 * @param path            JSON property names from the root to the value
 * @param group           key group
 * @param subjectProperty top-level property holding the subject id
 * @param placeholder     what an erased value reads back as; {@code null} for JSON null
 * @param binding         "Type.path" the associated data names; stable across renames through {@code @BindingName}
 * @param purpose         the purpose code the value is collected for
 */
public record FieldPlan(List<String> path, String group, String subjectProperty, String placeholder, String binding,
                        String purpose) {

    public FieldPlan {
        path = List.copyOf(path);
    }

    /** The dotted path, for messages. */
    public String dottedPath() {
        return String.join(".", path);
    }

    /**
     * The associated data of this property's ciphertext for one subject: the format version, the subject, the
     * binding and the group, so a ciphertext copied to another subject or property fails authentication.
     */
    byte[] associatedData(UUID subject) {
        return ("pd1|" + subject + "|" + binding + "|" + group).getBytes(StandardCharsets.UTF_8);
    }
}
