package com.matchmaking.app.hardening;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.matchmaking.app.problem.Message;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * Reads the body of {@code POST /graphql} strictly: one JSON object whose {@code query} is a non-blank string, whose
 * {@code operationName} is a string or null, and whose {@code variables} and {@code extensions} are objects or null.
 * Spring for GraphQL's own reading lets a body of {@code null} through (a {@code NullPointerException}, HTTP 500 and a
 * stack trace in the log) and answers a missing query in Spring's default error page. Anything else here is a
 * mapping failure, which {@link UnreadableRequestHandler} answers as a {@code BAD_REQUEST} in API.md's shape. The
 * messages name the member, never a value; each carries a {@link Message}, which the handler answers in the
 * request's language.
 */
@Component
class GraphQlRequestBodyModule extends SimpleModule {

    GraphQlRequestBodyModule() {
        super("graphql-request-body");
        addDeserializer(SerializableGraphQlRequest.class, new StrictRequestDeserializer());
    }

    /** What this module found wrong with the body, or null when the JSON itself could not be read. */
    static Message reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnreadableBodyException unreadable) {
                return unreadable.reason;
            }
        }
        return null;
    }

    /** A mapping failure with the reason as a message key; its own text (English) is for logs only. */
    private static final class UnreadableBodyException extends JsonMappingException {

        private final transient Message reason;

        UnreadableBodyException(JsonParser parser, Message reason) {
            super(parser, Messages.english(reason));
            this.reason = reason;
        }

        static UnreadableBodyException of(JsonParser parser, MessageKey key, Object... args) {
            return new UnreadableBodyException(parser, new Message(key, args));
        }
    }

    private static final class StrictRequestDeserializer extends JsonDeserializer<SerializableGraphQlRequest> {

        @Override
        public SerializableGraphQlRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                throw UnreadableBodyException.of(parser, MessageKey.BODY_NOT_OBJECT);
            }
            SerializableGraphQlRequest request = new SerializableGraphQlRequest();
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "query" -> request.setQuery(text(parser, token, "query"));
                    case "operationName" -> request.setOperationName(text(parser, token, "operationName"));
                    case "variables" -> request.setVariables(object(parser, context, token, "variables"));
                    case "extensions" -> request.setExtensions(object(parser, context, token, "extensions"));
                    default -> parser.skipChildren();
                }
            }
            if (request.getQuery() == null || request.getQuery().isBlank()) {
                throw UnreadableBodyException.of(parser, MessageKey.BODY_NO_QUERY);
            }
            return request;
        }

        /** A root {@code null} comes here, not to {@link #deserialize}: without this the handler gets a null request. */
        @Override
        public SerializableGraphQlRequest getNullValue(DeserializationContext context) throws JsonMappingException {
            throw UnreadableBodyException.of(context.getParser(), MessageKey.BODY_NULL);
        }

        private static String text(JsonParser parser, JsonToken token, String member) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_STRING) {
                throw UnreadableBodyException.of(parser, MessageKey.BODY_MEMBER_NOT_STRING, member);
            }
            return parser.getText();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> object(JsonParser parser, DeserializationContext context, JsonToken token,
                                                  String member) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw UnreadableBodyException.of(parser, MessageKey.BODY_MEMBER_NOT_OBJECT, member);
            }
            return context.readValue(parser, Map.class);
        }
    }
}
