package com.matchmaking.app.storage;

import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.MessageBoundSerializedObject;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Axon's JDBC storage engine, telling the crypto-shredding serializer which message each payload belongs to: Axon's
 * {@code Serializer} only ever sees the payload, but this engine knows the event or snapshot identifier when it writes
 * a row and when it reads one. Sealed personal data is then bound to its message, and a payload copied onto another
 * row fails to decrypt. Everything else is Axon's own code.
 */
class MessageBindingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    MessageBindingJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        return super.appendEvents(connection, events, binding(serializer, events));
    }

    @Override
    protected PreparedStatement appendSnapshot(Connection connection, DomainEventMessage<?> snapshot,
                                               Serializer serializer) throws SQLException {
        return super.appendSnapshot(connection, snapshot, binding(serializer, List.of(snapshot)));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return bound(super.getDomainEventData(resultSet));
    }

    @Override
    protected DomainEventData<?> getSnapshotData(ResultSet resultSet) throws SQLException {
        return bound(super.getSnapshotData(resultSet));
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        if (data instanceof TrackedDomainEventData<?> tracked) {
            return new TrackedDomainEventData<>(tracked.trackingToken(), bound(tracked));
        }
        return data;
    }

    private static Serializer binding(Serializer serializer, List<? extends EventMessage<?>> messages) {
        return serializer instanceof CryptoShreddingSerializer sealing ? sealing.bindingIdentifiersOf(messages) : serializer;
    }

    private static <T> DomainEventData<T> bound(DomainEventData<T> data) {
        return new BoundEventData<>(data);
    }

    /** A row's data whose payload carries the row's event identifier. */
    private record BoundEventData<T>(DomainEventData<T> row) implements DomainEventData<T> {

        @Override
        public String getType() {
            return row.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return row.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return row.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return row.getTimestamp();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return row.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return new MessageBoundSerializedObject<>(row.getPayload(), row.getEventIdentifier());
        }
    }
}
