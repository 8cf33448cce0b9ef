package com.matchmaking.app.storage;

import com.matchmaking.keys.testing.TestPostgres;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fault suite, poison events: what a projection's failure leaves in the dead-letter queue. A real PostgreSQL error
 * about a read-model row carries the row's values in its message; the letter keeps the error's type and a fixed text,
 * never the values (Axon's default policy stores the message as it is).
 */
@Tag("fault")
class DeadLetterCauseTest {

    @Test
    void aDeadLetterKeepsTheTypeOfTheFailureButNoValueFromItsMessage() {
        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.createDatabase("dlqcause").dataSource());
        jdbc.execute("CREATE TABLE summary (member_id TEXT PRIMARY KEY, city TEXT CHECK (city <> 'Poisonville-mk7q2'))");
        String value = "Poisonville-mk7q2";
        DataAccessException failure = catchThrowableOfType(DataAccessException.class,
                () -> jdbc.update("INSERT INTO summary VALUES (?, ?)", "m-1", value));
        assertThat(failure.getMessage() + failure.getMostSpecificCause().getMessage())
                .as("the database's own message holds the value (else this test proves nothing)").contains(value);

        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
        EnqueueDecision<EventMessage<?>> decision = EventProcessingConfiguration.DEAD_LETTERS_WITHOUT_VALUES
                .decide(new GenericDeadLetter<>("m-1", event), failure);

        assertThat(decision.shouldEnqueue()).as("the event goes to the queue").isTrue();
        ThrowableCause cause = (ThrowableCause) decision.enqueueCause().orElseThrow();
        assertThat(cause.type()).isEqualTo(failure.getClass().getName());
        assertThat(cause.message()).doesNotContain(value).isEqualTo(EventProcessingConfiguration.WITHHELD);
    }
}
