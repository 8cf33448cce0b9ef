package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading an aggregate stops at the first range of sequence numbers that comes back short, one query sooner than
 * Axon's JDBC default (see {@link AxonStorageConfiguration}): a stream of any length, a whole number of batches
 * included, still loads whole and in order.
 */
class AggregateReadBatchTest extends IntegrationTest {

    /** An event no handler takes; nothing in it is personal. */
    record ReadBatchProbe(@NotPersonal UUID probeId, @NotPersonal long sequence) {
    }

    @Autowired
    EventStorageEngine storage;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(ints = {1, AxonStorageConfiguration.READ_BATCH_SIZE - 1, AxonStorageConfiguration.READ_BATCH_SIZE,
            AxonStorageConfiguration.READ_BATCH_SIZE + 1, 2 * AxonStorageConfiguration.READ_BATCH_SIZE,
            2 * AxonStorageConfiguration.READ_BATCH_SIZE + 37})
    void anAggregateOfAnyLengthLoadsWhole(int length) {
        UUID probe = UUID.randomUUID();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = 0; sequence < length; sequence++) {
            events.add(new GenericDomainEventMessage<>("ReadBatchProbe", probe.toString(), sequence,
                    new ReadBatchProbe(probe, sequence)));
        }
        transactions.executeWithoutResult(status -> storage.appendEvents(events));

        List<Long> read = eventStore.readEvents(probe.toString()).asStream()
                .map(event -> ((ReadBatchProbe) event.getPayload()).sequence()).toList();

        assertThat(read).hasSize(length);
        for (int i = 0; i < length; i++) {
            assertThat(read.get(i)).isEqualTo(i);
        }
    }
}
