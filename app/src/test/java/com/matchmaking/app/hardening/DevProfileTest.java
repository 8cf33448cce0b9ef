package com.matchmaking.app.hardening;

import com.matchmaking.app.support.DevProfileIntegrationTest;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.matchmaking.app.hardening.Refusals.assertServed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code dev} profile: introspection answers (GraphiQL's full introspection query within the default limits)
 * and GraphiQL is served at {@code /graphiql}, with every script and style from this server.
 */
class DevProfileTest extends DevProfileIntegrationTest {

    private Http http;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    @Test
    void theFullIntrospectionQueryAnswers() {
        Map<String, Object> data = assertServed(http.graphQl(IntrospectionQuery.INTROSPECTION_QUERY));

        assertThat(data).extractingByKey("__schema").asString().contains("MemberProfile", "registerMember");
    }

    @Test
    void graphiQlIsServedWithEverythingItLoadsFromThisServer() {
        Http.Response page = http.get("/graphiql");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self';").doesNotContain("http");

        Matcher references = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        List<String> loaded = references.results().map(match -> match.group(1))
                .filter(reference -> !reference.startsWith("data:")).toList();
        assertThat(loaded).hasSize(6).allSatisfy(path -> {
            assertThat(path).startsWith("/graphiql/assets/");
            Http.Response asset = http.get(path);
            assertThat(asset.status()).as(path).isEqualTo(200);
            assertThat(asset.body()).as(path).isNotBlank();
            assertThat(asset.header("Cache-Control")).as(path).isEqualTo("no-store");
        });
    }
}
