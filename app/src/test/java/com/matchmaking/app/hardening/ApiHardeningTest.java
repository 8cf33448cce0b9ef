package com.matchmaking.app.hardening;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.matchmaking.app.hardening.Refusals.assertRefused;
import static com.matchmaking.app.hardening.Refusals.assertServed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend as started without the {@code dev} profile: no introspection, no GraphiQL, errors in API.md's shape
 * without hints, stack traces or echoed values, and no response a cache may keep.
 */
class ApiHardeningTest extends IntegrationTest {

    private Http http;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    // --- introspection and GraphiQL ---

    @Test
    void introspectionIsRefused() {
        assertRefused(http.graphQl("{ __schema { types { name } } }"), "BAD_REQUEST", "Introspection has been disabled");
        assertRefused(http.graphQl("{ __type(name: \"MemberProfile\") { fields { name } } }"),
                "BAD_REQUEST", "Introspection has been disabled");
    }

    @Test
    void typeNamesStillAnswerSinceClientsRelyOnThem() {
        assertThat(assertServed(http.graphQl("{ __typename }"))).isEqualTo(Map.of("__typename", "Query"));
    }

    @Test
    void graphiQlAndItsAssetsAreNotServed() {
        for (String path : List.of("/graphiql", "/graphiql/assets/graphiql-page.js",
                "/graphiql/assets/graphiql/2.4.7/graphiql.min.js", "/webjars/graphiql/2.4.7/graphiql.min.js",
                "/webjars/react/18.3.1/umd/react.production.min.js")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("GraphiQL", "React");
        }
    }

    // --- errors ---

    @Test
    void misspelledNamesGetNoSuggestionsAndNoEchoedValues() {
        Api.Registered member = api().register(TestMembers.fresh());
        String marker = member.data().marker();
        List<Http.Response> responses = List.of(
                http.graphQl("{ privacyPolicy { verison } }"),
                http.graphQl("{ privacyPolicyy { version } }"),
                http.graphQl("{ me { emial } }", member.token()),
                http.graphQl("mutation { login(usernam: \"" + marker + "\", password: \"x\") { token } }"),
                http.graphQl("mutation { grantConsent(purpose: SENSITIVE_DAT) { purpose } }", member.token()),
                http.graphQl("mutation { updateMyProfile(input: { citty: \"" + marker + "\" }) { city } }", member.token()),
                http.graphQl("mutation { updateMyProfile(input: { birthDate: \"" + marker + "\" }) { city } }", member.token()),
                http.graphQl("{ privacyPolicy { version } "));

        for (Http.Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json()).as(response.body()).doesNotContainKey("data");
            assertThat(response.errors()).as(response.body()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.get("extensions")).isEqualTo(Map.of("classification", "BAD_REQUEST"));
                assertThat((String) error.get("message")).isNotBlank()
                        .doesNotContainIgnoringCase("did you mean")
                        .doesNotContain(marker, "Exception", "\tat ", "com.matchmaking", "graphql.");
            });
            assertThat(response.body()).doesNotContainIgnoringCase("did you mean").doesNotContain(marker);
        }
    }

    @Test
    void everyErrorCarriesAClassificationOfApiMdAndNothingMore() {
        Api.Registered member = api().register(TestMembers.fresh());

        Refusals.assertSingleError(http.graphQl("{ me { email } }"), "UNAUTHORIZED", "Log in");
        Refusals.assertSingleError(http.graphQl("{ me { email } }", "not-a-token"), "UNAUTHORIZED", "Log in");
        Refusals.assertSingleError(
                http.graphQl("mutation { updateMyProfile(input: { phone: \"12" + member.data().marker() + "\" }) { city } }",
                        member.token()),
                "BAD_REQUEST", "phone");
    }

    @Test
    void aBatchedRequestIsRefusedAsAWholeAndRunsNothing() {
        TestMembers.Member first = TestMembers.fresh();
        TestMembers.Member second = TestMembers.fresh();
        String register = "mutation R($input: RegisterMemberInput!) { registerMember(input: $input) { memberId } }";
        String batch = Http.json(List.of(
                Map.of("query", register, "variables", Map.of("input", first.input())),
                Map.of("query", register, "variables", Map.of("input", second.input()))));
        int eventsBefore = eventCount();

        Http.Response response = http.postJson("/graphql", batch);

        assertThat(response.status()).isEqualTo(400);
        Refusals.assertSingleError(response, "BAD_REQUEST", "one JSON object with a query; batched requests are not supported");
        assertThat(response.body()).doesNotContain(first.marker(), second.marker());
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIsRefusedWithoutEchoingIt() {
        String marker = TestMembers.fresh().marker();

        Http.Response response = http.postJson("/graphql", "{\"query\": \"{ privacyPolicy { version } }\", \"" + marker);

        assertThat(response.status()).isEqualTo(400);
        Refusals.assertSingleError(response, "BAD_REQUEST", "one JSON object with a query");
        assertThat(response.body()).doesNotContain(marker);
    }

    @Test
    void bodiesThatAreNotOneRequestWithAQueryAreRefusedInTheApiShapeWithoutAStackTrace() {
        int eventsBefore = eventCount();
        List<String> bodies = List.of("null", "{\"query\": null}", "{}", "{\"query\": \"  \"}", "{\"query\": 5}",
                "{\"query\": {\"a\": 1}}", "\"{ __typename }\"", "42", "true", "{\"query\": \"{ __typename }\", \"variables\": 7}",
                "{\"query\": \"{ __typename }\", \"variables\": [1]}", "{\"query\": \"{ __typename }\", \"operationName\": {}}",
                "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}");

        try (com.matchmaking.app.support.LogCapture log = com.matchmaking.app.support.LogCapture.attach()) {
            for (String body : bodies) {
                Http.Response response = http.postJson("/graphql", body);
                assertThat(response.status()).as(body).isEqualTo(400);
                Refusals.assertSingleError(response, "BAD_REQUEST", "one JSON object with a query");
                assertThat(response.body()).as(body).doesNotContain("Exception", "timestamp", "\"path\"");
            }
            assertThat(log.lines()).as("nothing logged with a stack trace")
                    .noneMatch(line -> line.contains("\tat ") || line.contains("NullPointerException"));
        }
        assertThat(assertServed(http.postJson("/graphql", "{\"query\": \"{ __typename }\", \"variables\": null, "
                + "\"operationName\": null, \"extensions\": {}, \"unknown\": [1, {\"x\": 2}]}")))
                .isEqualTo(Map.of("__typename", "Query"));
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    // --- Cache-Control ---

    @Test
    void noResponseMayBeStored() {
        Api.Registered member = api().register(TestMembers.fresh());
        Map<String, Http.Response> responses = new java.util.LinkedHashMap<>();
        responses.put("GraphQL success", http.graphQl("{ me { email } }", member.token()));
        responses.put("GraphQL error", http.graphQl("{ me { email } }"));
        responses.put("GraphQL validation error", http.graphQl("{ nothing }"));
        responses.put("404", http.get("/no-such-page"));
        responses.put("GET /graphql (405)", http.get("/graphql"));
        responses.put("batch (400)", http.postJson("/graphql", "[]"));
        responses.put("oversized (413)", http.postJson("/graphql", Http.graphQlBodyOfSize("{ __typename }", 200_000)));
        responses.put("actuator health", new Http(managementPort).get("/actuator/health"));

        assertThat(responses.get("GraphQL success").body()).contains(member.data().email());
        assertThat(responses.get("404").status()).isEqualTo(404);
        assertThat(responses.get("GET /graphql (405)").status()).isEqualTo(405);
        assertThat(responses.get("oversized (413)").status()).isEqualTo(413);
        assertThat(responses.get("actuator health").status()).isEqualTo(200);
        // The management port (actuator) answers with Spring Security's header, which holds no-store as well.
        responses.forEach((what, response) ->
                assertThat(response.header("Cache-Control")).as(what).contains("no-store"));
    }

    @Test
    void errorPagesCarryNoStackTraceOrExceptionDetails() {
        for (Http.Response response : List.of(http.get("/no-such-page"), http.get("/graphql"))) {
            assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace", "org.springframework");
        }
    }
}
