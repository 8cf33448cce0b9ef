package com.matchmaking.app.hardening;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal looks like to a client: API.md's error shape, no data, nothing cached. */
final class Refusals {

    private Refusals() {
    }

    /** A GraphQL answer with exactly one error of that classification, a message with those parts, and no data. */
    static void assertRefused(Http.Response response, String classification, String... messageParts) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).as(response.body()).doesNotContainKey("data");
        assertSingleError(response, classification, messageParts);
    }

    static void assertSingleError(Http.Response response, String classification, String... messageParts) {
        assertThat(response.errors()).as(response.body()).singleElement().satisfies(error -> {
            assertThat(error.get("extensions")).isEqualTo(Map.of("classification", classification));
            assertThat((String) error.get("message")).contains(messageParts);
        });
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    /** An answer with data and no errors. */
    static Map<String, Object> assertServed(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).as(response.body()).doesNotContainKey("errors").containsKey("data");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) response.json().get("data");
        return data;
    }
}
