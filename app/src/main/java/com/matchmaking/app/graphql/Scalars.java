package com.matchmaking.app.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.function.Function;

/**
 * The custom scalars: {@code Date} (ISO local date), {@code DateTime} (ISO instant with a zone) and {@code JSON}
 * (any JSON value, output only). A value that does not parse is reported without being echoed, since inputs may be
 * personal data.
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring
                .scalar(textScalar("Date", "an ISO-8601 date such as 1990-05-17", LocalDate::parse, LocalDate.class))
                .scalar(textScalar("DateTime", "an ISO-8601 instant with a zone such as 2026-11-29T08:00:00Z",
                        text -> OffsetDateTime.parse(text).toInstant(), Instant.class))
                .scalar(json());
    }

    private static <T> GraphQLScalarType textScalar(String name, String expected, Function<String, T> parse, Class<T> type) {
        return GraphQLScalarType.newScalar().name(name).description(expected).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return value.toString();
                }
                throw new CoercingSerializeException(name + " cannot represent a " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    try {
                        return parse.apply(text);
                    } catch (DateTimeException e) {
                        // fall through
                    }
                }
                throw new CoercingParseValueException(name + " must be " + expected);
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse.apply(text.getValue());
                    } catch (DateTimeException e) {
                        // fall through
                    }
                }
                throw new CoercingParseLiteralException(name + " must be " + expected);
            }
        }).build();
    }

    private static GraphQLScalarType json() {
        return GraphQLScalarType.newScalar().name("JSON").coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return value;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                throw new CoercingParseValueException("JSON is an output type only");
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                throw new CoercingParseLiteralException("JSON is an output type only");
            }
        }).build();
    }
}
