package com.matchmaking.app.storage;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's retry on a real command bus: a conflict on the aggregate, whether the handler throws it or (as with
 * the event store) the commit does, is tried again up to the configured number of times and then reaches the caller
 * as the conflict; any other failure is never repeated.
 */
class CommandRetryTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final AtomicInteger attempts = new AtomicInteger();

    private CommandGateway gateway(int retries) {
        return new CommandRetryConfiguration().commandGateway(bus,
                new CommandRetryProperties(retries, Duration.ofMillis(1)));
    }

    @Test
    void aConflictIsTriedAgainUntilItGoesThrough() {
        bus.subscribe(String.class.getName(), message -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("lost the race");
            }
            return "done";
        });
        assertThat((String) gateway(5).sendAndWait(GenericCommandMessage.asCommandMessage("update"))).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictAtCommitIsTriedAgainToo() {
        bus.subscribe(String.class.getName(), message -> {
            int attempt = attempts.incrementAndGet();
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                if (attempt < 3) {
                    throw new ConcurrencyException("lost the race at commit");
                }
            });
            return "done";
        });
        assertThat((String) gateway(5).sendAndWait("update")).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictThatKeepsComingIsGivenUpAfterTheLastRetry() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("lost the race");
        });
        assertThatThrownBy(() -> gateway(2).sendAndWait("update")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void otherFailuresAreNeverRepeated() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            if (attempts.get() == 1) {
                throw new IllegalStateException("broken");
            }
            throw new AggregateStreamCreationException("exists");
        });
        assertThatThrownBy(() -> gateway(5).sendAndWait("update")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gateway(5).sendAndWait("update")).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(attempts).hasValue(2);
    }
}
