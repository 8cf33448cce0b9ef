package com.matchmaking.app.security;

import com.matchmaking.app.account.Logins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads {@code Authorization: Bearer <token>}, verifies the token and loads its account. A missing, invalid or
 * expired token leaves the request anonymous rather than failing it at the HTTP level: the GraphQL layer then
 * answers every operation that needs a login with an {@code UNAUTHORIZED} error, in the shape clients expect.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final Logins logins;

    BearerTokenFilter(Logins logins) {
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            logins.authenticate(header.substring(PREFIX.length()).strip())
                    .ifPresent(actor -> SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor)));
        }
        chain.doFilter(request, response);
    }
}
