package com.matchmaking.app.graphql;

import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.KeyUnavailableException;
import com.matchmaking.keys.SubjectErasedException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.util.Locale;

/**
 * The one place where exceptions become GraphQL errors with an API.md classification. Messages of our own
 * rejections are written for clients and carry no personal data; anything unexpected becomes an
 * {@code INTERNAL_ERROR} with a generic message and an id to find the log entry by, never a stack trace. Every
 * message is resolved here, in the language of the request ({@code LanguageInterceptor}); the classification does
 * not depend on it.
 *
 * <p>A conflict on an aggregate reaches this point only after the command gateway's retries
 * ({@code CommandRetryConfiguration}) and is answered {@code CONFLICT}: nothing of it was stored. An unexpected
 * failure of a mutation says that the change may have been applied: it may have happened at or after the commit (a
 * connection lost while committing, a failure after a first command of the mutation committed), and the client must
 * check before repeating it rather than assume it failed.
 */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final Messages messages;

    GraphQlErrors(Messages messages) {
        this.messages = messages;
    }

    @GraphQlExceptionHandler
    GraphQLError rejected(RequestRejectedException e, DataFetchingEnvironment env) {
        return error(env, e.classification(), e.problem());
    }

    @GraphQlExceptionHandler
    GraphQLError commandFailed(CommandExecutionException e, DataFetchingEnvironment env) {
        RequestRejectedException cause = causeOf(e, RequestRejectedException.class);
        if (cause != null) {
            return rejected(cause, env);
        }
        return unexpected(e, env);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(AggregateNotFoundException e, DataFetchingEnvironment env) {
        return error(env, Classification.NOT_FOUND, new Message(MessageKey.NO_SUCH_RECORD));
    }

    @GraphQlExceptionHandler
    GraphQLError duplicate(AggregateStreamCreationException e, DataFetchingEnvironment env) {
        return error(env, Classification.CONFLICT, new Message(MessageKey.RECORD_EXISTS));
    }

    @GraphQlExceptionHandler
    GraphQLError concurrent(ConcurrencyException e, DataFetchingEnvironment env) {
        log.info("Conflict left after retries in {}", env.getField().getName());
        return error(env, Classification.CONFLICT, new Message(MessageKey.CONCURRENT_CHANGE));
    }

    @GraphQlExceptionHandler
    GraphQLError erased(SubjectErasedException e, DataFetchingEnvironment env) {
        return error(env, Classification.NOT_FOUND, new Message(MessageKey.NO_SUCH_MEMBER));
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable e, DataFetchingEnvironment env) {
        RequestRejectedException rejected = causeOf(e, RequestRejectedException.class);
        if (rejected != null) {
            return rejected(rejected, env);
        }
        ConcurrencyException conflict = causeOf(e, ConcurrencyException.class);
        if (conflict != null) {
            return concurrent(conflict, env);
        }
        BindException binding = causeOf(e, BindException.class);
        if (binding != null) {
            // An argument GraphQL let through (an ID is any string) that does not convert to its Java type, such as
            // an ID that is no UUID: the client's mistake. Named by the argument, never by the value.
            FieldError field = binding.getFieldError();
            return error(env, Classification.BAD_REQUEST, new Message(MessageKey.INVALID_ARGUMENT,
                    field == null ? env.getField().getName() : field.getField()));
        }
        // A failure of a mutation may have happened at or after its commit: the client must check before repeating it.
        boolean mutation = env.getOperationDefinition() != null
                && env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
        if (databaseUnreachable(e)) {
            // An outage, not a bug: no stack trace, and a message that tells the client to come back.
            log.warn("Database unavailable in {}: {}", env.getField().getName(), e.getClass().getSimpleName());
            return error(env, Classification.INTERNAL_ERROR, new Message(mutation
                    ? MessageKey.DATABASE_UNREACHABLE_MAY_HAVE_BEEN_APPLIED : MessageKey.DATABASE_UNREACHABLE));
        }
        if (causeOf(e, KeyUnavailableException.class) != null) {
            // The key store (the subject_key rows, or the KEK that opens them) is out of reach: an outage, not a bug.
            // Nothing personal is answered (no placeholder) and nothing is written without its key.
            log.warn("Keys unavailable in {}: {}", env.getField().getName(), e.getClass().getSimpleName());
            return error(env, Classification.INTERNAL_ERROR, new Message(mutation
                    ? MessageKey.KEYS_UNREACHABLE_MAY_HAVE_BEEN_APPLIED : MessageKey.KEYS_UNREACHABLE));
        }
        String errorId = java.util.UUID.randomUUID().toString();
        // Our exceptions never carry personal values; the type and the id are enough to find what went wrong.
        log.error("Unexpected error {} in {}", errorId, env.getField().getName(), e);
        return error(env, Classification.INTERNAL_ERROR, new Message(mutation
                ? MessageKey.INTERNAL_ERROR_MAY_HAVE_BEEN_APPLIED : MessageKey.INTERNAL_ERROR, errorId));
    }

    private GraphQLError error(DataFetchingEnvironment env, Classification classification, Message message) {
        Locale locale = env.getLocale() == null ? Languages.DEFAULT : env.getLocale();
        return GraphqlErrorBuilder.newError(env).errorType(classification).message(messages.resolve(message, locale))
                .build();
    }

    /**
     * The pool found no connection, or the one in use broke: SQLState class 08 (connection exception) or 57P
     * (the server shutting down, crashed, or not yet accepting connections).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
