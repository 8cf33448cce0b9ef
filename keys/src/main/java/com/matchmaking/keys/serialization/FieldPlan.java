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
 * @param valueType       the declared type of the value, which decides whether it is sealed at a fixed width
 */
public record FieldPlan(List<String> path, String group, String subjectProperty, String placeholder, String binding,
                        String purpose, Class<?> valueType) {

    public FieldPlan {
        path = List.copyOf(path);
    }

    /** The dotted path, for messages. */
    public String dottedPath() {
        return String.join(".", path);
    }

    /** The binding without its type: the name this value carries inside a sealed envelope. */
    public String bindingPath() {
        return binding.substring(binding.indexOf('.') + 1);
    }

    /** Whether every value of this field has one of a few fixed spellings (an enum or a boolean). */
    public boolean isFixedSet() {
        return valueType.isEnum() || valueType == Boolean.class || valueType == boolean.class;
    }

    /**
     * The associated data of a {@code pd1} ciphertext (one value on its own) for one subject: the format version,
     * the subject, the binding and the group, so a ciphertext copied to another subject or property fails
     * authentication. Only read now; new values are sealed as {@code pd2}.
     */
    byte[] associatedData(UUID subject) {
        return ("pd1|" + subject + "|" + binding + "|" + group).getBytes(StandardCharsets.UTF_8);
    }
}
