package com.matchmaking.app.hardening;

import com.matchmaking.app.problem.Classification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import java.time.Duration;

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
     * finish it in time, so the client may try again later.
     */
    GraphQLError error() {
        return GraphqlErrorBuilder.newError().errorType(Classification.INTERNAL_ERROR)
                .message("The request was stopped at the execution time limit of " + readable(limit)
                        + "; a mutation in it may have been applied in part")
                .build();
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }
}
