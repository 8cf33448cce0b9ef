package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.schema.access.MemberDataExported;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL reports a second event at the same (aggregate, sequence) as a duplicate key (SQLState 23505); Axon must
 * see it as a concurrency conflict (or, at sequence 0, a duplicate aggregate), which is what keeps two nodes from
 * both writing the next event of one member.
 */
class EventStoreConcurrencyTest extends IntegrationTest {

    @Autowired
    EventStorageEngine storage;

    @Test
    void aSecondEventAtTheSameSequenceIsAConcurrencyConflict() {
        String aggregate = UUID.randomUUID().toString();
        storage.appendEvents(event(aggregate, 0));
        storage.appendEvents(event(aggregate, 1));

        assertThatThrownBy(() -> storage.appendEvents(event(aggregate, 1))).isInstanceOf(ConcurrencyException.class)
                .as("the driver quotes neither the statement's parameters nor the key's values")
                .hasMessageNotContaining("::bytea").hasMessageNotContaining("Key (");
        assertThatThrownBy(() -> storage.appendEvents(event(aggregate, 0))).isInstanceOf(AggregateStreamCreationException.class);
    }

    private static GenericDomainEventMessage<MemberDataExported> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Member", aggregate, sequence,
                new MemberDataExported(UUID.fromString(aggregate), Instant.now()));
    }
}
