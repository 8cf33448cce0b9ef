package com.matchmaking.app.hardening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Limits of the GraphQL endpoint, and the two switches for developers. The defaults leave room for every query the
 * schema has and then some; the README lists them with their environment variables.
 *
 * @param maxDepth       deepest field nesting an operation may reach, fragments expanded; {@code { me { email } }} is 2
 * @param maxComplexity  most fields one operation may select, fragments expanded (each field costs 1)
 * @param maxAliases     most aliased fields one operation may hold, fragments expanded; 0 forbids aliases
 * @param maxOperations  most operation definitions one document may hold (only one of them ever runs)
 * @param timeout        longest a request may execute; then the client gets an error and nothing further starts
 * @param maxRequestSize largest request body accepted, refused before it is read or parsed
 * @param introspection  whether {@code __schema} and {@code __type} answer; on in the {@code dev} profile only
 * @param graphiql       whether the GraphiQL page is served at {@code /graphiql}; on in the {@code dev} profile only
 * @param documentCacheSize most parsed and validated documents kept for reuse ({@link ParsedDocumentCache}); 0: none
 */
@ConfigurationProperties("matchmaking.graphql")
record GraphQlHardeningProperties(@DefaultValue("10") int maxDepth,
                                  @DefaultValue("200") int maxComplexity,
                                  @DefaultValue("10") int maxAliases,
                                  @DefaultValue("1") int maxOperations,
                                  @DefaultValue("PT10S") Duration timeout,
                                  @DefaultValue("100KB") DataSize maxRequestSize,
                                  @DefaultValue("false") boolean introspection,
                                  @DefaultValue("false") boolean graphiql,
                                  @DefaultValue("500") int documentCacheSize) {

    GraphQlHardeningProperties {
        // A zero or negative limit would refuse every request or none; better not to start than to run like that.
        positive("max-depth", maxDepth);
        positive("max-complexity", maxComplexity);
        if (maxAliases < 0) {
            throw new IllegalArgumentException("matchmaking.graphql.max-aliases must not be negative");
        }
        positive("max-operations", maxOperations);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("matchmaking.graphql.timeout must be positive");
        }
        if (documentCacheSize < 0) {
            throw new IllegalArgumentException("matchmaking.graphql.document-cache-size must not be negative");
        }
        if (maxRequestSize.toBytes() <= 0) {
            throw new IllegalArgumentException("matchmaking.graphql.max-request-size must be positive");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("matchmaking.graphql." + name + " must be at least 1");
        }
    }
}
