package com.matchmaking.app.hardening;

import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.ErrorBody;
import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * A body that is not one GraphQL request (malformed JSON, or a batch: a JSON array of requests, which this server
 * does not run) gets a 400 in the shape of a GraphQL error, with a message of our own in the request's language: the
 * parser's would quote the body, which may hold personal data. When {@link GraphQlRequestBodyModule} named what is
 * wrong (a member, never its value), the message says so.
 */
@RestControllerAdvice
class UnreadableRequestHandler {

    private final Messages messages;

    UnreadableRequestHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Message reason = GraphQlRequestBodyModule.reasonOf(e);
        Message problem = reason == null ? new Message(MessageKey.BODY_UNREADABLE)
                : new Message(MessageKey.BODY_UNREADABLE_BECAUSE, reason);
        String message = messages.resolve(problem,
                Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(Classification.BAD_REQUEST, message));
    }
}
