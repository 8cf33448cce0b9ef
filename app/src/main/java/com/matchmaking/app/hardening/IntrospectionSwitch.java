package com.matchmaking.app.hardening;

import graphql.introspection.Introspection;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Turns introspection off for each request unless {@code matchmaking.graphql.introspection} is on (the {@code dev}
 * profile). Per request, not Spring Boot's {@code spring.graphql.schema.introspection.enabled}: that one switches
 * graphql-java off for the whole JVM, for every application in it, and never back on.
 */
@Component
class IntrospectionSwitch implements WebGraphQlInterceptor {

    private final GraphQlHardeningProperties properties;

    IntrospectionSwitch(GraphQlHardeningProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!properties.introspection()) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
        }
        return chain.next(request);
    }
}
