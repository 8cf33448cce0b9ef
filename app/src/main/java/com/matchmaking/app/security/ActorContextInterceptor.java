package com.matchmaking.app.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands the caller to GraphQL explicitly: the authenticated {@link com.matchmaking.app.account.Actor} goes into the
 * GraphQL context under {@value #ACTOR}, where the access policy and controllers ({@code @ContextValue}) read it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ActorContextInterceptor implements WebGraphQlInterceptor {

    static final String ACTOR = "actor";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ActorAuthentication actor) {
            Map<Object, Object> values = new HashMap<>();
            values.put(ACTOR, actor.getPrincipal());
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(values).build());
        }
        return chain.next(request);
    }
}
