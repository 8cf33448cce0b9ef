package com.matchmaking.keys.serialization;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;

import java.util.Objects;

/**
 * A stored payload together with the identifier of the message it was read from, so the
 * {@link CryptoShreddingSerializer} can check that sealed personal data was sealed for this very message and not
 * copied from another one. A storage engine that knows the row's identifier hands payloads over in this wrapper;
 * every other path (upcast events, dead letters) hands over the payload alone.
 *
 * @param stored            the payload as stored
 * @param messageIdentifier the identifier of the message (event or snapshot) it belongs to
 */
public record MessageBoundSerializedObject<T>(SerializedObject<T> stored, String messageIdentifier)
        implements SerializedObject<T> {

    public MessageBoundSerializedObject {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(messageIdentifier, "messageIdentifier");
    }

    @Override
    public Class<T> getContentType() {
        return stored.getContentType();
    }

    @Override
    public SerializedType getType() {
        return stored.getType();
    }

    @Override
    public T getData() {
        return stored.getData();
    }
}
