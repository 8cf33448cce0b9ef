package com.matchmaking.app.language;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals answered outside the resolvers (the limits of a document, the size and shape of the body, a bearer
 * token that does not log in), over real HTTP in the language {@code Accept-Language} asks for: Chinese without the
 * header or with {@code zh-CN}, English with {@code en}; status and classification the same in every language.
 * Each assertion fails while that refusal is a fixed English text.
 */
class LocalizedRefusalsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aTooDeepDocumentIsRefusedInTheRequestsLanguage() {
        String tooDeep = body("{ " + "f { ".repeat(10) + "f" + " }".repeat(10) + " }");

        assertRefusal(post(tooDeep, "zh-CN", null), 200, "BAD_REQUEST", "查询嵌套了 11 层字段；最多允许 10 层");
        assertRefusal(post(tooDeep, null, null), 200, "BAD_REQUEST", "查询嵌套了 11 层字段；最多允许 10 层");
        assertRefusal(post(tooDeep, "en", null), 200, "BAD_REQUEST",
                "The query is nested 11 fields deep; at most 10 are allowed");
    }

    @Test
    void anOversizedBodyIsRefusedInTheRequestsLanguage() {
        String oversized = "{\"query\": \"{ privacyPolicy { version } }\"" + " ".repeat(102_400) + "}";

        assertRefusal(post(oversized, "zh-CN", null), 413, "BAD_REQUEST", "请求体超过了 102400 字节的上限");
        assertRefusal(post(oversized, "en", null), 413, "BAD_REQUEST",
                "The request body is larger than the limit of 102400 bytes");
    }

    @Test
    void anUnreadableBodyIsRefusedInTheRequestsLanguageNamingWhatIsWrong() {
        assertRefusal(post("{\"query\": 5}", "zh-CN", null), 400, "BAD_REQUEST",
                "请求体必须是一个包含 query 的 JSON 对象；不支持批量请求（query 不是字符串）");
        assertRefusal(post("{\"query\": 5}", "en", null), 400, "BAD_REQUEST",
                "The request body must be one JSON object with a query; batched requests are not supported (query is not a string)");
        assertRefusal(post("[{\"query\": \"{ __typename }\"}]", "zh-CN", null), 400, "BAD_REQUEST",
                "请求体必须是一个包含 query 的 JSON 对象；不支持批量请求（请求体不是 JSON 对象）");
        assertRefusal(post("{\"query\": ", "zh-CN", null), 400, "BAD_REQUEST",
                "请求体必须是一个包含 query 的 JSON 对象；不支持批量请求");
    }

    @Test
    void anInvalidBearerTokenAnswersLogInInTheRequestsLanguage() {
        String needsLogin = body("{ myAccessLog { __typename } }");
        String forged = "not-a-token-" + System.nanoTime();

        assertRefusal(post(needsLogin, "zh-CN", forged), 200, "UNAUTHORIZED", "请登录后使用此操作");
        assertRefusal(post(needsLogin, "en", forged), 200, "UNAUTHORIZED", "Log in to use this operation");
    }

    private static String body(String document) {
        try {
            return JSON.writeValueAsString(Map.of("query", document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String body, String language, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertRefusal(HttpResponse<String> response, int status, String classification, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<String, Object> json;
        try {
            json = JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json.get("errors");
        assertThat(errors).as(response.body()).singleElement().satisfies(error -> {
            assertThat(error.get("message")).isEqualTo(message);
            assertThat((Map<String, Object>) error.get("extensions")).containsEntry("classification", classification);
        });
    }
}
