package com.matchmaking.app.hardening;

import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import java.time.Duration;
import java.util.Locale;

/**
 * When one request's execution must stop. Kept in the request's GraphQL context, where the interceptor that answers
 * at the deadline and the instrumentation that stops starting new work both find the same instant.
 */
final class ExecutionDeadline {

    static final String CONTEXT_KEY = ExecutionDeadline.class.getName();

    private final Duration limit;
    private final long deadlineNanos;

    private ExecutionDeadline(Duration limit, long deadlineNanos) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    static ExecutionDeadline after(Duration limit) {
        return new ExecutionDeadline(limit, System.nanoTime() + limit.toNanos());
    }

    boolean hasPassed() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    Duration limit() {
        return limit;
    }

    /**
     * The error a timed-out request answers with. {@code INTERNAL_ERROR}: the request was not wrong, the backend did not
     * finish it in time, so the client may try again later. In {@code locale}, the request's language (the default
     * when null).
     */
    GraphQLError error(Messages messages, Locale locale) {
        return GraphqlErrorBuilder.newError().errorType(Classification.INTERNAL_ERROR)
                .message(messages.text(MessageKey.EXECUTION_TIME_LIMIT, locale == null ? Languages.DEFAULT : locale,
                        readable(limit)))
                .build();
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }
}
