package com.matchmaking.app.hardening;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code Cache-Control: no-store} on every response, first thing, on every dispatch (errors included): an answer of
 * this backend may hold personal data, and no browser or proxy cache should keep a copy. Spring Security's own cache
 * headers step aside when they find this one set.
 */
final class NoStoreFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
