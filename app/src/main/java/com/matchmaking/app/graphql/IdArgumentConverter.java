package com.matchmaking.app.graphql;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * An {@code ID} argument as the UUID the controllers take. Spring's own conversion turns an empty string into
 * {@code null}, which let {@code ""} through a non-null {@code ID!} into commands without an identifier (an internal
 * error where the client made the mistake). Here a blank or malformed id fails the argument's binding, which
 * {@link GraphQlErrors} answers as {@code BAD_REQUEST} naming the argument. Spring Boot hands converter beans to the
 * GraphQL argument binder.
 */
@Component
class IdArgumentConverter implements Converter<String, UUID> {

    @Override
    public UUID convert(String source) {
        // The message names no value: it ends up nowhere but the binding result, which is answered by name only.
        if (source.isBlank()) {
            throw new IllegalArgumentException("blank id");
        }
        return UUID.fromString(source.strip());
    }
}
