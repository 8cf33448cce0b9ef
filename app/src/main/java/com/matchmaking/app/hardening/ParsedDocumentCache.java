package com.matchmaking.app.hardening;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Documents parsed and validated once and then kept by their text: frontends send the same few queries over and
 * over with other variables, and parsing and validating them again cost as much as a small query's whole execution.
 * Only documents that passed are kept, so a refused or invalid one is checked (and refused) again every time, the
 * limits of {@link RequestLimitsInstrumentation} included; variables are never part of the key, and personal data
 * belongs in variables, not in the document. At most {@code matchmaking.graphql.document-cache-size} documents,
 * the least recently used leaving first; 0 turns the cache off.
 */
class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final int capacity;
    private final Map<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(int capacity) {
        this.capacity = capacity;
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > ParsedDocumentCache.this.capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry entry;
        synchronized (documents) {
            entry = documents.get(text);
        }
        if (entry == null) {
            // Outside the lock: a document that is refused throws from here and is never kept.
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors() && capacity > 0) {
                synchronized (documents) {
                    documents.put(text, entry);
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int documentCount() {
        synchronized (documents) {
            return documents.size();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ParsedDocumentCache parsedDocumentCache(GraphQlHardeningProperties properties) {
            return new ParsedDocumentCache(properties.documentCacheSize());
        }

        @Bean
        GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer(ParsedDocumentCache cache) {
            return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
        }
    }
}
