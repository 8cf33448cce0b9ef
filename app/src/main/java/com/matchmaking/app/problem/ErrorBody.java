package com.matchmaking.app.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * API.md's error shape for answers written outside GraphQL (servlet filters, the handler of unreadable bodies):
 * {@code {"errors":[{"message":...,"extensions":{"classification":...}}]}}, so a client reads every refusal the same
 * way. The message is already resolved in the request's language.
 */
public final class ErrorBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBody() {
    }

    /** The body as a map, for a controller advice that lets Spring write it. */
    public static Map<String, Object> of(Classification classification, String message) {
        return Map.of("errors", List.of(Map.of(
                "message", message,
                "extensions", Map.of("classification", classification.name()))));
    }

    /** The body as JSON text, for a filter that writes the response itself. */
    public static String json(Classification classification, String message) {
        try {
            return JSON.writeValueAsString(of(classification, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
