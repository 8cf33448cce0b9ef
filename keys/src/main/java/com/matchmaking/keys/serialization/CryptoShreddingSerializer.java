package com.matchmaking.keys.serialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Axon {@link org.axonframework.serialization.Serializer} that stores every {@link com.matchmaking.keys.PersonalData}
 * property encrypted under its subject's key, and decrypts it again on the way back (or puts the placeholder in its
 * place once the key is destroyed). Use it as the event serializer, which covers events, their metadata and dead
 * letters, and as the snapshot serializer.
 *
 * <p>The object goes to a JSON tree once, the personal properties are sealed out of that tree (see
 * {@link SealedEnvelope}: one padded ciphertext per subject and key group, format {@code pd2}), and the tree is written
 * once; the class's classification is looked up from a cache. Values stored in the first format, {@code pd1} (one
 * ciphertext per property), keep reading. Every class it serializes must be fully classified, metadata excepted:
 * metadata is stored in the clear by design and must only carry ids, roles and codes.
 *
 * <p>Axon's {@code Serializer} is not told which message a payload belongs to. A storage engine that knows can say
 * so: {@link #bindingIdentifiersOf(List)} when it writes, {@link MessageBoundSerializedObject} when it reads. The
 * sealed values are then bound to the message's identifier too, and a payload copied onto another message fails.
 */
public final class CryptoShreddingSerializer implements org.axonframework.serialization.Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataCatalog catalog;
    private final FieldCipher pd1;
    private final SealedEnvelope pd2;

    /**
     * @param delegate a Jackson serializer with a mapper of its own (never the web layer's), which shapes the JSON
     * @param vault    the key vault
     */
    public CryptoShreddingSerializer(JacksonSerializer delegate, SubjectKeyVault vault) {
        this(delegate, vault, new PersonalDataCatalog());
    }

    public CryptoShreddingSerializer(JacksonSerializer delegate, SubjectKeyVault vault, PersonalDataCatalog catalog) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.catalog = catalog;
        this.pd1 = new FieldCipher(vault, mapper);
        this.pd2 = new SealedEnvelope(vault, mapper);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return serialize(object, expectedRepresentation, null);
    }

    /**
     * Serializes the payload of one message, binding its sealed personal data to the message's identifier.
     *
     * @param messageIdentifier the message's identifier, or {@code null} when it is not known
     */
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation, String messageIdentifier) {
        if (object == null || object instanceof MetaData) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ClassPlan plan = catalog.planFor(object.getClass());
        if (!plan.hasPersonalData()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = mapper.valueToTree(object);
        if (!(tree instanceof ObjectNode root)) {
            throw new SerializationException(object.getClass().getName() + " has personal data but is not a JSON object");
        }
        if (root.has(SealedEnvelope.PROPERTY)) {
            throw new SerializationException(object.getClass().getName() + " has a property named "
                    + SealedEnvelope.PROPERTY + ", which is reserved for sealed personal data");
        }
        pd2.seal(plan, root, messageIdentifier);
        return new SimpleSerializedObject<>(represent(root, expectedRepresentation), expectedRepresentation,
                delegate.typeForClass(object.getClass()));
    }

    @SuppressWarnings("unchecked")
    private <T> T represent(ObjectNode root, Class<T> representation) {
        try {
            if (JsonNode.class.equals(representation) || ObjectNode.class.equals(representation)) {
                return (T) root;
            }
            if (String.class.equals(representation)) {
                return (T) mapper.writeValueAsString(root);
            }
            byte[] bytes = mapper.writeValueAsBytes(root);
            return byte[].class.equals(representation) ? (T) bytes : delegate.getConverter().convert(bytes, representation);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to write encrypted JSON", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    /**
     * A view of this serializer for writing the given messages: the payload of each is sealed bound to that
     * message's identifier (found by identity; a payload object shared by two messages is bound to neither).
     */
    public org.axonframework.serialization.Serializer bindingIdentifiersOf(List<? extends Message<?>> messages) {
        Map<Object, String> identifiers = new IdentityHashMap<>();
        for (Message<?> message : messages) {
            Object payload = message.getPayload();
            identifiers.put(payload, identifiers.containsKey(payload) ? null : message.getIdentifier());
        }
        return new MessageBinding(identifiers);
    }

    private final class MessageBinding implements org.axonframework.serialization.Serializer {

        private final Map<Object, String> identifiers;

        MessageBinding(Map<Object, String> identifiers) {
            this.identifiers = identifiers;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return CryptoShreddingSerializer.this.serialize(object, expectedRepresentation,
                    object == null ? null : identifiers.get(object));
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return CryptoShreddingSerializer.this.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return CryptoShreddingSerializer.this.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return CryptoShreddingSerializer.this.classForType(type);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SerializedType typeForClass(Class type) {
            return CryptoShreddingSerializer.this.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return CryptoShreddingSerializer.this.getConverter();
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        String messageIdentifier = null;
        if (serializedObject instanceof MessageBoundSerializedObject<S> bound) {
            messageIdentifier = bound.messageIdentifier();
            serializedObject = bound.stored();
        }
        SerializedType type = serializedObject.getType();
        if (SimpleSerializedType.emptyType().equals(type)) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> target = delegate.classForType(type);
        if (UnknownSerializedType.class.equals(target) || MetaData.class.isAssignableFrom(target)) {
            return delegate.deserialize(serializedObject);
        }
        ClassPlan plan = catalog.planFor(target);
        if (!plan.hasPersonalData()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(tree instanceof ObjectNode root)) {
            throw new SerializationException("Stored " + target.getSimpleName() + " is not a JSON object");
        }
        // The tree may be shared with an upcaster's intermediate representation; never write plaintext into it.
        ObjectNode copy = tree == serializedObject.getData() ? root.deepCopy() : root;
        JsonNode envelope = copy.get(SealedEnvelope.PROPERTY);
        if (envelope != null) {
            pd2.open(plan, copy, envelope, messageIdentifier);
        } else {
            pd1.decrypt(plan, copy);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(copy, JsonNode.class, type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** The classification this serializer enforces. */
    public PersonalDataCatalog catalog() {
        return catalog;
    }
}
