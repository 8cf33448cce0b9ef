package com.matchmaking.app.graphql;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import graphql.Scalars;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

/**
 * An {@code ID} argument of an operation that is blank is refused before the controller runs. GraphQL takes any
 * string as an {@code ID}, and Spring turns {@code ""} into a {@code null} UUID, so a required {@code ID!} reached
 * commands without an identifier and failed as an internal error; a malformed one fails binding, which
 * {@link GraphQlErrors} answers as {@code BAD_REQUEST} too. Both are named by the argument, never by the value.
 */
@Component
class IdArgumentsInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;   // a property of an object already fetched: its arguments, if any, are no ids
        }
        return env -> {
            for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
                if (GraphQLTypeUtil.unwrapAll(argument.getType()) == Scalars.GraphQLID
                        && env.getArgument(argument.getName()) instanceof String id && id.isBlank()) {
                    throw RequestRejectedException.badRequest(MessageKey.INVALID_ARGUMENT, argument.getName());
                }
            }
            return dataFetcher.get(env);
        };
    }
}
