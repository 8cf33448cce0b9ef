package com.matchmaking.app.hardening;

import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.Messages;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enforces the limits of {@link GraphQlHardeningProperties} inside graphql-java: the size of the document, checked
 * after parsing and before validation, so an oversized document costs no validation and runs nothing; and the
 * execution deadline, checked before every data fetcher that does real work, so nothing new starts once the
 * deadline has passed (one already running finishes: a command is never cut in half). Refusals are written in the
 * request's language ({@code LanguageInterceptor} sets it on the execution input before this runs).
 */
@Component
class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQlHardeningProperties limits;
    private final Messages messages;

    RequestLimitsInstrumentation(GraphQlHardeningProperties limits, Messages messages) {
        this.limits = limits;
        this.messages = messages;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                          InstrumentationState state) {
        List<GraphQLError> violations = violations(parameters.getDocument(), parameters.getExecutionInput().getLocale());
        if (!violations.isEmpty()) {
            throw new AbortExecutionException(violations);
        }
        return super.beginValidation(parameters, state);
    }

    private List<GraphQLError> violations(Document document, Locale requested) {
        Locale locale = requested == null ? Languages.DEFAULT : requested;
        List<GraphQLError> violations = new ArrayList<>();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() > limits.maxOperations()) {
            violations.add(badRequest(locale, MessageKey.TOO_MANY_OPERATIONS, operations.size(),
                    limits.maxOperations()));
        }
        OperationShape largest = new OperationShape(0, 0, 0);
        for (OperationDefinition operation : operations) {
            OperationShape shape = OperationShape.of(operation, document);
            largest = new OperationShape(Math.max(largest.depth(), shape.depth()),
                    Math.max(largest.complexity(), shape.complexity()), Math.max(largest.aliases(), shape.aliases()));
        }
        if (largest.depth() > limits.maxDepth()) {
            violations.add(badRequest(locale, MessageKey.TOO_DEEP, largest.depth(), limits.maxDepth()));
        }
        if (largest.complexity() > limits.maxComplexity()) {
            violations.add(badRequest(locale, MessageKey.TOO_COMPLEX, largest.complexity(),
                    limits.maxComplexity()));
        }
        if (largest.aliases() > limits.maxAliases()) {
            violations.add(badRequest(locale, MessageKey.TOO_MANY_ALIASES, largest.aliases(),
                    limits.maxAliases()));
        }
        return violations;
    }

    private GraphQLError badRequest(Locale locale, MessageKey key, Object... args) {
        return GraphqlErrorBuilder.newError().errorType(Classification.BAD_REQUEST)
                .message(messages.text(key, locale, args)).build();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        ExecutionDeadline deadline = parameters.getEnvironment().getGraphQlContext().get(ExecutionDeadline.CONTEXT_KEY);
        if (deadline == null) {
            return dataFetcher;
        }
        return environment -> deadline.hasPassed()
                // A result rather than an exception: the exception handlers would log every skipped field as a failure.
                ? DataFetcherResult.newResult().error(deadline.error(messages, environment.getLocale())).build()
                : dataFetcher.get(environment);
    }
}
