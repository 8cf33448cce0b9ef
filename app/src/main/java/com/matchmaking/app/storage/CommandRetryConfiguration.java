package com.matchmaking.app.storage;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The command gateway tries a command again, a bounded number of times with a growing, jittered wait, when it lost a
 * race on its aggregate: two nodes (or two requests) loaded the same member and both wrote its next event; the
 * database kept one and refused the other ({@link ConcurrencyException}, raised while committing, so nothing of the
 * loser was stored). The retry loads the aggregate again, so the command is decided on the state the winner left, and
 * no update is lost. Only that conflict is retried: a refusal of the domain, an invalid input or an outage would fail
 * again the same way, and a failure during the commit itself must not run twice. After the last retry the conflict
 * reaches the client as {@code CONFLICT}.
 *
 * <p>Not Axon's {@code RetryScheduler}: it only sees failures handed to the command's callback, and with the local
 * command bus a conflict at commit is thrown out of the dispatch instead, so it never retried one. A command sent
 * from inside another's unit of work (an event handler's follow-up) is not retried on its own: its events are stored
 * with the outer command's, whose conflict is retried as a whole.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetryConfiguration {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, CommandRetryProperties retries) {
        return new ConflictRetryingGateway(DefaultCommandGateway.builder().commandBus(commandBus).build(), retries);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    static final class ConflictRetryingGateway implements CommandGateway {

        private final CommandGateway delegate;
        private final CommandRetryProperties retries;

        ConflictRetryingGateway(CommandGateway delegate, CommandRetryProperties retries) {
            this.delegate = delegate;
            this.retries = retries;
        }

        @Override
        public <R> R sendAndWait(Object command) {
            return retrying(() -> delegate.sendAndWait(command));
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return retrying(() -> delegate.sendAndWait(command, timeout, unit));
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            delegate.send(command, callback);
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            return delegate.send(command);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return delegate.registerDispatchInterceptor(dispatchInterceptor);
        }

        private <R> R retrying(Supplier<R> attempt) {
            for (int retry = 0; ; retry++) {
                try {
                    return attempt.get();
                } catch (RuntimeException e) {
                    if (retry >= retries.conflictRetries() || !isConflict(e) || CurrentUnitOfWork.isStarted()) {
                        throw e;
                    }
                    pause(retry);
                }
            }
        }

        /** Twice as long each time, and up to half again at random, so two losers do not collide again in step. */
        private void pause(int retry) {
            long millis = retries.conflictBackoff().toMillis() << Math.min(retry, 16);
            millis += ThreadLocalRandom.current().nextLong(millis / 2 + 1);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConcurrencyException("Interrupted while waiting to retry a conflicting command", e);
            }
        }
    }
}
