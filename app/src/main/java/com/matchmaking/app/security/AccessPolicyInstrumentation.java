package com.matchmaking.app.security;

import com.matchmaking.app.account.Actor;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.stereotype.Component;

/**
 * Applies {@link AccessPolicy} to every top-level field of every request (aliases and multiple operations included),
 * before its data fetcher runs: a refused field never reaches a controller. Members who have not accepted the current
 * privacy policy are then held at the {@link PolicyGate}.
 */
@Component
class AccessPolicyInstrumentation extends SimplePerformantInstrumentation {

    private final PolicyGate policyGate;

    AccessPolicyInstrumentation(PolicyGate policyGate) {
        this.policyGate = policyGate;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            // A property of an object already fetched (and checked). Every root field is a controller's, never
            // trivial; the authorisation matrix calls each one. Asking a trivial field for its environment would make
            // graphql-java build one for every field of every answer, a thousand for a page of candidates.
            return dataFetcher;
        }
        DataFetchingEnvironment environment = parameters.getEnvironment();
        if (!(environment.getParentType() instanceof GraphQLObjectType parent) || !isRoot(environment, parent)) {
            return dataFetcher;
        }
        String field = environment.getField().getName();
        if (field.startsWith("__")) {
            return dataFetcher;
        }
        String operation = parent.getName() + "." + field;
        return env -> {
            Actor actor = env.getGraphQlContext().get(ActorContextInterceptor.ACTOR);
            AccessPolicy.check(operation, actor);
            policyGate.check(operation, actor);
            return dataFetcher.get(env);
        };
    }

    private static boolean isRoot(DataFetchingEnvironment environment, GraphQLObjectType parent) {
        var schema = environment.getGraphQLSchema();
        return parent == schema.getQueryType() || parent == schema.getMutationType() || parent == schema.getSubscriptionType();
    }
}
