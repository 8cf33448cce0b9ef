package com.matchmaking.app.storage;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;

import java.util.stream.Stream;

/**
 * Axon's JDBC storage with payloads bound to their messages ({@link MessageBindingJdbcEventStorageEngine}), and
 * snapshots sealed when stored and verified when read ({@link SnapshotSeals}): a snapshot that does not verify is not
 * offered, so Axon sources the aggregate from its events.
 */
class SealedSnapshotStorageEngine extends MessageBindingJdbcEventStorageEngine {

    private final SnapshotSeals seals;

    SealedSnapshotStorageEngine(Builder builder, SnapshotSeals seals) {
        super(builder);
        this.seals = seals;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        super.storeSnapshot(snapshot, serializer);
        // Sealed as read back, so the MAC covers exactly the bytes the next read will see.
        super.readSnapshotData(snapshot.getAggregateIdentifier())
                .filter(stored -> stored.getSequenceNumber() == snapshot.getSequenceNumber()
                        && snapshot.getIdentifier().equals(stored.getEventIdentifier()))
                .findFirst()
                .ifPresent(seals::seal);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return super.readSnapshotData(aggregateIdentifier).filter(seals::verifies);
    }
}
