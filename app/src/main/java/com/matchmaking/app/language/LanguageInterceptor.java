package com.matchmaking.app.language;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Sets the language of each GraphQL request from its {@code Accept-Language} header, as the execution's locale
 * ({@code DataFetchingEnvironment.getLocale()}, a controller's {@code Locale} argument). Spring would otherwise take
 * the servlet's locale, which falls back to the server's own when the header is missing; members get Chinese then.
 */
@Component
class LanguageInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = Languages.fromAcceptLanguage(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        request.configureExecutionInput((input, builder) -> builder.locale(locale).build());
        return chain.next(request);
    }
}
