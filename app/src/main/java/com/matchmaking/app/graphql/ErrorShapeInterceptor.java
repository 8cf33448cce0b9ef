package com.matchmaking.app.graphql;

import com.matchmaking.app.problem.Classification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every error the shape of API.md: errors graphql-java raises itself (syntax, validation, input coercion)
 * become {@code BAD_REQUEST}, and their messages lose quoted values and "did you mean" hints, since a value a client
 * sent may be personal data and a hint reveals the schema. Validation messages print literal input objects as nested
 * AST dumps ({@code 'ObjectValue{...StringValue{value='...'}...}'}), whose inner quotes would defeat quote matching;
 * each dump goes first, whole, up to its last closing brace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorShapeInterceptor implements WebGraphQlInterceptor {

    private static final Set<String> OURS = Set.of("BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT",
            "INTERNAL_ERROR");
    private static final Pattern AST_DUMP = Pattern.compile("'?\\b\\w*Value\\{.*}'?", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern HINT = Pattern.compile("\\s*Did you mean.*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.isEmpty() || errors.stream().allMatch(e -> e.getErrorType() != null && OURS.contains(e.getErrorType().toString()))) {
                return response;
            }
            List<GraphQLError> reshaped = errors.stream().map(ErrorShapeInterceptor::reshape).toList();
            return response.transform(builder -> builder.errors(reshaped));
        });
    }

    static GraphQLError reshape(GraphQLError error) {
        if (error.getErrorType() != null && OURS.contains(error.getErrorType().toString())) {
            return error;
        }
        String message = error.getMessage() == null ? "Bad request" : error.getMessage();
        message = HINT.matcher(message).replaceAll("");
        message = AST_DUMP.matcher(message).replaceAll("(value withheld)");
        message = QUOTED.matcher(message).replaceAll("(value withheld)");
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .errorType(Classification.BAD_REQUEST)
                .message(message)
                .locations(error.getLocations());
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
