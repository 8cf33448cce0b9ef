package com.matchmaking.app.ratelimit;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Applies {@link ClientRateLimits} to the limited root fields (aliases included: each counts), before their data
 * fetcher runs. The client is the remote address of the connection; forwarded headers are not trusted, so behind a
 * proxy the proxy must be made to pass the client's address (Tomcat's RemoteIpValve, {@code server.forward-headers-strategy}).
 */
@Component
class RateLimitInstrumentation extends SimplePerformantInstrumentation {

    static final String CLIENT = "clientAddress";

    private final ClientRateLimits limits;

    RateLimitInstrumentation(ClientRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        DataFetchingEnvironment environment = parameters.getEnvironment();
        if (!(environment.getParentType() instanceof GraphQLObjectType parent)
                || parent != environment.getGraphQLSchema().getMutationType()) {
            return dataFetcher;
        }
        String operation = "Mutation." + environment.getField().getName();
        if (!ClientRateLimits.OPERATIONS.containsKey(operation)) {
            return dataFetcher;
        }
        return env -> {
            if (ClientRateLimits.draws(operation, env.getArguments())) {
                limits.check(operation, env.getGraphQlContext().get(CLIENT));
            }
            return dataFetcher.get(env);
        };
    }

    /** Hands the client's address to GraphQL. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    static class ClientAddressInterceptor implements WebGraphQlInterceptor {

        @Override
        public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
            InetSocketAddress remote = request.getRemoteAddress();
            if (remote != null) {
                String client = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
                request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CLIENT, client)).build());
            }
            return chain.next(request);
        }
    }
}
