package com.matchmaking.app.operations;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' endpoints: Prometheus and health on the management port only, with the metrics the README lists,
 * and no personal value anywhere in a scrape after a run that put many in (names, email, phone, free text, an
 * operation name and variables chosen by the client).
 */
class OperatorEndpointsTest extends IntegrationTest {

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aScrapeAfterARunHoldsTheOperatorsFiguresAndNoValueThatWasPutIn() throws Exception {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        String operationName = "Op" + data.marker().replaceAll("[^A-Za-z0-9]", "");
        api().as(member.token()).document("mutation " + operationName
                        + "($about: String) { updateMyProfile(input: { aboutMe: $about }) { __typename } }")
                .variable("about", "about " + data.marker()).execute();
        api().as(member.token()).document("{ me { email fullName phone } }").execute();
        api().as(member.token()).document("mutation { requestErasure { __typename } }").execute();
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("matchmaking_erasure_execution_seconds_count"));

        String scrape = scrape();
        assertThat(scrape).contains(
                "graphql_request_seconds_count", "graphql_datafetcher_seconds_count", "\"updateMyProfile\"",
                "matchmaking_processor_lag_events{", "processor=\"member-read-models\"",
                "matchmaking_processor_dead_letters_events{",
                "matchmaking_keys_cache_hits_total", "matchmaking_keys_cache_misses_total",
                "matchmaking_keys_cache_evictions_total", "matchmaking_erasure_execution_seconds_count",
                "matchmaking_erasure_since_request_seconds_count");
        List<String> personal = List.of(data.marker(), operationName, data.email(), data.fullName(), data.phone(),
                member.token(), "about ", member.memberId().toString());
        for (String value : personal) {
            assertThat(scrape).as("a scrape never holds a value that was put in").doesNotContain(value);
        }
    }

    @Test
    void healthAndReadinessCoverTheDatabaseTheKekAndTheProcessorsOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"kek\"", "\"processors\"", "member-read-models");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness")) {
            assertThat(get(port, path).statusCode()).as("not on the public port: " + path).isEqualTo(404);
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
