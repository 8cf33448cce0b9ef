package com.matchmaking.app.history;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One feature's answer folded from a subject's events: a starting state, a handler per event type, and what the state
 * answers at the end. Built once, as a constant, beside the code that needs it; {@link SubjectHistory} runs it.
 *
 * <pre>{@code
 * static final HistoryView<Profile> PROFILE = HistoryView.startingWith(() -> (Profile) null)
 *         .identifiedBy(MemberRegistered.class)
 *         .on(MemberRegistered.class, (profile, e) -> e.profile())
 *         .on(ProfileUpdated.class, (profile, e) -> e.profile())
 *         .build(profile -> profile);
 * }</pre>
 *
 * A handler returns the next state, so a state may be an immutable value or a mutable one that returns itself. A view
 * is stateless and thread-safe; each read {@link #begin() begins} its own {@link Reading}.
 *
 * @param <R> what the view answers
 */
public final class HistoryView<R> {

    private final Supplier<Reading<R>> begin;

    private HistoryView(Supplier<Reading<R>> begin) {
        this.begin = begin;
    }

    /** A view whose fold starts from a fresh {@code start} state on each read. */
    public static <S> Builder<S> startingWith(Supplier<S> start) {
        return new Builder<>(start);
    }

    /** Both views in one pass over the events, their answers combined; known only where both are. */
    public static <A, B, R> HistoryView<R> combine(HistoryView<A> first, HistoryView<B> second,
                                                   BiFunction<A, B, R> combination) {
        return new HistoryView<>(() -> {
            Reading<A> a = first.begin();
            Reading<B> b = second.begin();
            return new Reading<>(message -> {
                a.apply(message);
                b.apply(message);
            }, () -> a.result().flatMap(x -> b.result().map(y -> combination.apply(x, y))));
        });
    }

    /** A fresh fold: apply the subject's events in order, then take the result. */
    public Reading<R> begin() {
        return begin.get();
    }

    /** One read in progress. */
    public static final class Reading<R> {
        private final java.util.function.Consumer<DomainEventMessage<?>> apply;
        private final Supplier<Optional<R>> result;

        private Reading(java.util.function.Consumer<DomainEventMessage<?>> apply, Supplier<Optional<R>> result) {
            this.apply = apply;
            this.result = result;
        }

        public void apply(DomainEventMessage<?> message) {
            apply.accept(message);
        }

        /** The answer, or empty for a subject the view does not recognise. */
        public Optional<R> result() {
            return result.get();
        }
    }

    /** The next state from one event. */
    @FunctionalInterface
    public interface Handler<S, E> {
        S apply(S state, E event);
    }

    /** The next state from one event, with its message (sequence, timestamp, metadata). */
    @FunctionalInterface
    public interface MessageHandler<S, E> {
        S apply(S state, E event, DomainEventMessage<?> message);
    }

    /** Collects the handlers of a view. */
    public static final class Builder<S> {
        private final Supplier<S> start;
        private final List<Typed<S, ?>> handlers = new ArrayList<>();
        private MessageHandler<S, Object> otherwise = (state, event, message) -> state;
        private Class<?> identifying;

        private Builder(Supplier<S> start) {
            this.start = start;
        }

        /**
         * The subject is known only if its log holds an event of this type (its creation: a member's registration, a
         * staff account's creation); a read of any other id then answers empty instead of a view of nothing. Without
         * it, any subject with at least one event is known. A read from a later sequence does not see the creation.
         */
        public Builder<S> identifiedBy(Class<?> creation) {
            this.identifying = creation;
            return this;
        }

        public <E> Builder<S> on(Class<E> type, Handler<S, ? super E> handler) {
            return onMessage(type, (state, event, message) -> handler.apply(state, event));
        }

        public <E> Builder<S> onMessage(Class<E> type, MessageHandler<S, ? super E> handler) {
            handlers.add(new Typed<>(type, handler));
            return this;
        }

        /** For every event no typed handler took. */
        public Builder<S> otherwise(MessageHandler<S, Object> handler) {
            this.otherwise = handler;
            return this;
        }

        /** The view answering {@code result} of the final state (a null answer reads as an unknown subject). */
        public <R> HistoryView<R> build(Function<S, R> result) {
            List<Typed<S, ?>> typed = List.copyOf(handlers);
            MessageHandler<S, Object> rest = otherwise;
            Class<?> creation = identifying;
            return new HistoryView<>(() -> {
                Fold<S> fold = new Fold<>(start.get());
                return new Reading<>(message -> fold.apply(message, typed, rest, creation),
                        () -> fold.known ? Optional.ofNullable(result.apply(fold.state)) : Optional.empty());
            });
        }
    }

    private record Typed<S, E>(Class<E> type, MessageHandler<S, ? super E> handler) {
        S apply(S state, Object event, DomainEventMessage<?> message) {
            return handler.apply(state, type.cast(event), message);
        }
    }

    private static final class Fold<S> {
        private S state;
        private boolean known;

        Fold(S state) {
            this.state = state;
        }

        void apply(DomainEventMessage<?> message, List<Typed<S, ?>> handlers, MessageHandler<S, Object> otherwise,
                   Class<?> creation) {
            Object event = message.getPayload();
            if (creation == null || creation.isInstance(event)) {
                known = true;
            }
            boolean handled = false;
            for (Typed<S, ?> handler : handlers) {
                if (handler.type().isInstance(event)) {
                    state = handler.apply(state, event, message);
                    handled = true;
                }
            }
            if (!handled) {
                state = otherwise.apply(state, event, message);
            }
        }
    }

    /** A handler for a mutable state: changes it and keeps it. */
    public static <S, E> Handler<S, E> mutating(BiConsumer<S, E> change) {
        return (state, event) -> {
            change.accept(state, event);
            return state;
        };
    }
}
