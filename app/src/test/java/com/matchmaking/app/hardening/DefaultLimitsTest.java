package com.matchmaking.app.hardening;

import com.matchmaking.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.matchmaking.app.hardening.Refusals.assertRefused;
import static com.matchmaking.app.hardening.Refusals.assertServed;
import static org.assertj.core.api.Assertions.assertThat;

/** The limits a backend started without any setting has: each trips just past its documented default, not at it. */
class DefaultLimitsTest extends IntegrationTest {

    private Http http;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    @Test
    void depthTenPassesTheLimitAndElevenIsRefused() {
        // No field of the schema nests ten deep, so these documents name fields that do not exist: at ten the depth
        // check lets the document through and validation refuses it; at eleven the depth check refuses it first.
        Http.Response ten = http.graphQl(nested(10));
        assertThat(ten.errors()).isNotEmpty()
                .allSatisfy(error -> assertThat((String) error.get("message")).doesNotContain("deep").contains("Validation error"));

        assertRefused(http.graphQl(nested(11)), "BAD_REQUEST", "nested 11 fields deep; at most 10 are allowed");
    }

    private static String nested(int depth) {
        return "{ " + "f { ".repeat(depth - 1) + "f" + " }".repeat(depth - 1) + " }";
    }

    @Test
    void twoHundredFieldsRunAndTwoHundredAndOneAreRefused() {
        assertServed(http.graphQl("{ privacyPolicy { " + "version ".repeat(199) + "} }"));

        assertRefused(http.graphQl("{ privacyPolicy { " + "version ".repeat(200) + "} }"),
                "BAD_REQUEST", "selects 201 fields (fragments expanded); at most 200 are allowed");
    }

    @Test
    void tenAliasesRunAndElevenAreRefused() {
        assertServed(http.graphQl(aliases(10)));

        assertRefused(http.graphQl(aliases(11)), "BAD_REQUEST", "uses 11 aliases (fragments expanded); at most 10 are allowed");
    }

    private static String aliases(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "a" + i + ": privacyPolicy { version }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void oneOperationPerDocument() {
        assertRefused(http.postJson("/graphql", Http.graphQlBody(
                        "query Version { privacyPolicy { version } } query Text { privacyPolicy { text } }", "Version")),
                "BAD_REQUEST", "The document holds 2 operations; at most 1 are allowed per request");
    }

    @Test
    void aHundredKilobytesAreServedAndOneByteMoreIsRefused() {
        assertServed(http.postJson("/graphql", Http.graphQlBodyOfSize("{ privacyPolicy { version } }", 102_400)));

        Http.Response tooLarge = http.postJson("/graphql", Http.graphQlBodyOfSize("{ privacyPolicy { version } }", 102_401));
        assertThat(tooLarge.status()).isEqualTo(413);
        Refusals.assertSingleError(tooLarge, "BAD_REQUEST", "The request body is larger than the limit of 102400 bytes");
    }
}
