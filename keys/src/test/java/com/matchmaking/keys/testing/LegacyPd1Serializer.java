package com.matchmaking.keys.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.matchmaking.keys.serialization.ClassPlan;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.FieldPlan;
import com.matchmaking.keys.serialization.PersonalDataCatalog;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.keys.vault.WriteKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the way the application wrote before {@code pd2}: every personal property its own unpadded ciphertext,
 * {@code pd1:<group>:<generation>:<base64>} in its place, associated data {@code pd1|<subject>|<Type.path>|<group>}.
 * Written from the format's description, not from the serializer's code, so that tests prove the new code reads
 * what the old one stored. Reading goes to the real serializer. Test scope only: nothing may write pd1 any more.
 */
public final class LegacyPd1Serializer implements Serializer {

    private final CryptoShreddingSerializer reader;
    private final JacksonSerializer plain;
    private final SubjectKeyVault vault;
    private final ObjectMapper mapper;

    public LegacyPd1Serializer(CryptoShreddingSerializer reader, JacksonSerializer plain, SubjectKeyVault vault) {
        this.reader = reader;
        this.plain = plain;
        this.vault = vault;
        this.mapper = plain.getObjectMapper();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || object instanceof MetaData) {
            return plain.serialize(object, expectedRepresentation);
        }
        ClassPlan plan = PersonalDataCatalog.describe(object.getClass());
        if (!plan.hasPersonalData()) {
            return plain.serialize(object, expectedRepresentation);
        }
        ObjectNode root = mapper.valueToTree(object);
        for (FieldPlan field : plan.personalFields()) {
            JsonNode value = root.at("/" + String.join("/", field.path()));
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            UUID subject = UUID.fromString(root.get(field.subjectProperty()).textValue());
            WriteKey key = vault.writeKeys(subject, Set.of(field.group())).get(field.group());
            try {
                byte[] ad = ("pd1|" + subject + "|" + field.binding() + "|" + field.group()).getBytes(StandardCharsets.UTF_8);
                byte[] ciphertext = key.aead().encrypt(mapper.writeValueAsBytes(value), ad);
                List<String> up = field.path().subList(0, field.path().size() - 1);
                ObjectNode parent = up.isEmpty() ? root : (ObjectNode) root.at("/" + String.join("/", up));
                parent.set(field.path().get(field.path().size() - 1), TextNode.valueOf("pd1:" + field.group() + ":"
                        + key.generation() + ":" + Base64.getEncoder().encodeToString(ciphertext)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            byte[] bytes = mapper.writeValueAsBytes(root);
            Object data = byte[].class.equals(expectedRepresentation) ? bytes
                    : String.class.equals(expectedRepresentation) ? new String(bytes, StandardCharsets.UTF_8)
                    : plain.getConverter().convert(bytes, expectedRepresentation);
            return new SimpleSerializedObject<>((T) data, expectedRepresentation, plain.typeForClass(object.getClass()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return plain.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return reader.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return plain.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return plain.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return plain.getConverter();
    }
}
