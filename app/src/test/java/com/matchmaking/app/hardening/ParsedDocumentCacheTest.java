package com.matchmaking.app.hardening;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The document cache in front of real graphql-java: what it keeps, for how long, and what it never keeps. */
class ParsedDocumentCacheTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { echo(text: String!): String }"),
            RuntimeWiring.newRuntimeWiring()
                    .type("Query", type -> type.dataFetcher("echo", env -> env.getArgument("text")))
                    .build());

    private final AtomicInteger parsed = new AtomicInteger();

    @Test
    void aValidDocumentIsParsedOnceAndAnswersEachRequestWithItsOwnVariables() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(counting(cache)).build();
        String document = "query($t: String!) { echo(text: $t) }";

        ExecutionResult first = graphQl.execute(ExecutionInput.newExecutionInput(document).variables(Map.of("t", "one")));
        ExecutionResult second = graphQl.execute(ExecutionInput.newExecutionInput(document).variables(Map.of("t", "two")));

        assertThat(first.<Map<String, Object>>getData()).containsEntry("echo", "one");
        assertThat(second.<Map<String, Object>>getData()).containsEntry("echo", "two");
        assertThat(parsed).hasValue(1);
        assertThat(cache.documentCount()).isEqualTo(1);
    }

    @Test
    void anInvalidDocumentIsCheckedAndRefusedEveryTimeAndNeverKept() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(counting(cache)).build();

        for (int i = 0; i < 3; i++) {
            assertThat(graphQl.execute("{ noSuchField }").getErrors()).isNotEmpty();
        }

        assertThat(parsed).hasValue(3);
        assertThat(cache.documentCount()).isZero();
    }

    @Test
    void theLeastRecentlyUsedDocumentLeavesFirstWhenTheCacheIsFull() {
        ParsedDocumentCache cache = new ParsedDocumentCache(2);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(counting(cache)).build();

        graphQl.execute("{ a: echo(text: \"a\") }");
        graphQl.execute("{ b: echo(text: \"b\") }");
        graphQl.execute("{ a: echo(text: \"a\") }");
        graphQl.execute("{ c: echo(text: \"c\") }");
        assertThat(parsed).hasValue(3);
        graphQl.execute("{ a: echo(text: \"a\") }");
        assertThat(parsed).as("a was used after b, so b left").hasValue(3);
        graphQl.execute("{ b: echo(text: \"b\") }");
        assertThat(parsed).hasValue(4);
        assertThat(cache.documentCount()).isEqualTo(2);
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        ParsedDocumentCache cache = new ParsedDocumentCache(0);
        GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(counting(cache)).build();

        graphQl.execute("{ echo(text: \"x\") }");
        graphQl.execute("{ echo(text: \"x\") }");

        assertThat(parsed).hasValue(2);
        assertThat(cache.documentCount()).isZero();
    }

    /** The cache, with every call of graphql-java's own parse-and-validate counted. */
    private graphql.execution.preparsed.PreparsedDocumentProvider counting(ParsedDocumentCache cache) {
        return (input, parseAndValidate) -> cache.getDocumentAsync(input, (Function<ExecutionInput, PreparsedDocumentEntry>) in -> {
            parsed.incrementAndGet();
            return parseAndValidate.apply(in);
        });
    }
}
