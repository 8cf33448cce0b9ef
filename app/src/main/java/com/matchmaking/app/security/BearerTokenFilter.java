package com.matchmaking.app.security;

import com.matchmaking.app.account.Logins;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.ErrorBody;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import com.matchmaking.keys.KeyUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies the token and loads its account. A missing, invalid or
 * expired token leaves the request anonymous rather than failing it at the HTTP level: the GraphQL layer then
 * answers every operation that needs a login with an {@code UNAUTHORIZED} error, in the shape clients expect.
 *
 * <p>When the account cannot be looked up (the database unreachable) the request is answered here, at once, with a
 * 503 in API.md's error shape, in the request's language: letting it through anonymous would answer "log in" to a valid token, and letting the
 * exception escape would give Spring's default error page. The wait for a connection is the pool's
 * {@code connection-timeout}, kept below the API's execution time limit.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String PREFIX = "Bearer ";

    private final Logins logins;
    private final Messages messages;

    BearerTokenFilter(Logins logins, Messages messages) {
        this.logins = logins;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            try {
                logins.authenticate(header.substring(PREFIX.length()).strip())
                        .ifPresent(actor -> SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor)));
            } catch (DataAccessException | KeyUnavailableException e) {
                // The exception's own message may quote SQL; its type is enough to tell an outage from a bug.
                log.warn("Token check failed, database unavailable: {}", e.getClass().getSimpleName());
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
                String message = messages.text(MessageKey.DATABASE_UNREACHABLE,
                        Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
                response.getOutputStream().write(ErrorBody.json(Classification.INTERNAL_ERROR, message)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
