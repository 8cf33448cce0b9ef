package com.matchmaking.app.hardening;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * A body that is not one GraphQL request (malformed JSON, or a batch: a JSON array of requests, which this server
 * does not run) gets a 400 in the shape of a GraphQL error, with a message of our own: the parser's would quote the
 * body, which may hold personal data.
 */
@RestControllerAdvice
class UnreadableRequestHandler {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Map<String, Object> error = Map.of(
                "message", "The request body must be one JSON object with a query; batched requests are not supported",
                "extensions", Map.of("classification", "BAD_REQUEST"));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(error)));
    }
}
