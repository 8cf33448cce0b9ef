package com.matchmaking.app.hardening;

import com.matchmaking.app.problem.Classification;
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

/**
 * Enforces the limits of {@link GraphQlHardeningProperties} inside graphql-java: the size of the document, checked
 * after parsing and before validation, so an oversized document costs no validation and runs nothing; and the
 * execution deadline, checked before every data fetcher that does real work, so nothing new starts once the
 * deadline has passed (one already running finishes: a command is never cut in half).
 */
@Component
class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final GraphQlHardeningProperties limits;

    RequestLimitsInstrumentation(GraphQlHardeningProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                          InstrumentationState state) {
        List<GraphQLError> violations = violations(parameters.getDocument());
        if (!violations.isEmpty()) {
            throw new AbortExecutionException(violations);
        }
        return super.beginValidation(parameters, state);
    }

    private List<GraphQLError> violations(Document document) {
        List<GraphQLError> violations = new ArrayList<>();
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operations.size() > limits.maxOperations()) {
            violations.add(badRequest("The document holds " + operations.size() + " operations; at most "
                    + limits.maxOperations() + " are allowed per request"));
        }
        OperationShape largest = new OperationShape(0, 0, 0);
        for (OperationDefinition operation : operations) {
            OperationShape shape = OperationShape.of(operation, document);
            largest = new OperationShape(Math.max(largest.depth(), shape.depth()),
                    Math.max(largest.complexity(), shape.complexity()), Math.max(largest.aliases(), shape.aliases()));
        }
        if (largest.depth() > limits.maxDepth()) {
            violations.add(badRequest("The query is nested " + largest.depth() + " fields deep; at most "
                    + limits.maxDepth() + " are allowed"));
        }
        if (largest.complexity() > limits.maxComplexity()) {
            violations.add(badRequest("The query selects " + largest.complexity() + " fields (fragments expanded); at most "
                    + limits.maxComplexity() + " are allowed"));
        }
        if (largest.aliases() > limits.maxAliases()) {
            violations.add(badRequest("The query uses " + largest.aliases() + " aliases (fragments expanded); at most "
                    + limits.maxAliases() + " are allowed"));
        }
        return violations;
    }

    private static GraphQLError badRequest(String message) {
        return GraphqlErrorBuilder.newError().errorType(Classification.BAD_REQUEST).message(message).build();
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
                ? DataFetcherResult.newResult().error(deadline.error()).build()
                : dataFetcher.get(environment);
    }
}
