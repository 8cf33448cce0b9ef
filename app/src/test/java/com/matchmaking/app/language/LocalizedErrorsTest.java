package com.matchmaking.app.language;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors of the GraphQL API over real HTTP in the language {@code Accept-Language} asks for: Chinese without the
 * header or with {@code zh-CN}, English with {@code en}; the classification is the same in every language, and the
 * request is refused all the same (nothing registered twice).
 */
class LocalizedErrorsTest extends IntegrationTest {

    @Test
    void aRejectionAnswersInTheRequestsLanguageWithTheSameClassification() {
        Map<String, Object> wrong = Map.of("username", "nobody-" + System.nanoTime() + "@example.com", "password", "wrong password");
        assertSingleError(api().inLanguage("zh-CN").anonymous().documentName("login").variables(wrong).execute(),
                "UNAUTHORIZED", m -> assertThat(m).isEqualTo("用户名或密码错误"));
        assertSingleError(api().inLanguage("en").anonymous().documentName("login").variables(wrong).execute(),
                "UNAUTHORIZED", m -> assertThat(m).isEqualTo("Invalid username or password"));
        assertSingleError(api().inLanguage(null).anonymous().documentName("login").variables(wrong).execute(),
                "UNAUTHORIZED", m -> assertThat(m).as("Chinese without Accept-Language").isEqualTo("用户名或密码错误"));
        assertSingleError(api().inLanguage("de-DE,en;q=0.5").anonymous().documentName("login").variables(wrong).execute(),
                "UNAUTHORIZED", m -> assertThat(m).as("the first language we have").isEqualTo("Invalid username or password"));
    }

    @Test
    void everyProblemOfAnInputIsListedInTheRequestsLanguage() {
        Map<String, Object> input = new HashMap<>(TestMembers.fresh().input());
        input.put("email", "not an address");
        input.put("password", "short");

        assertSingleError(register(api().inLanguage("zh-CN"), input), "BAD_REQUEST", m -> assertThat(m)
                .isEqualTo("输入无效：password 至少需要 10 个字符; email 须为有效的电子邮箱地址"));
        assertSingleError(register(api().inLanguage("en"), input), "BAD_REQUEST", m -> assertThat(m)
                .isEqualTo("Invalid input: password must have at least 10 characters; email must be a valid email address"));
    }

    @Test
    void aConflictInChineseChangesNothing() {
        // A registration that accepted a text other than the one published now: refused before anything is stored.
        Map<String, Object> input = new HashMap<>(TestMembers.fresh().input());
        input.put("acceptedPrivacyPolicyTextHash", "0".repeat(64));
        int events = eventCount();
        int pending = pendingRegistrations();

        assertSingleError(register(api().inLanguage("zh-CN"), input), "CONFLICT",
                m -> assertThat(m).isEqualTo("隐私政策在您阅读后已有改动，请重新阅读 privacyPolicy"));
        assertSingleError(register(api().inLanguage("en"), input), "CONFLICT",
                m -> assertThat(m).isEqualTo("The privacy policy text changed since you read it; read privacyPolicy again"));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(pendingRegistrations()).as("no pending registration either").isEqualTo(pending);
    }

    private int pendingRegistrations() {
        return jdbc.queryForObject("SELECT count(*) FROM pending_registration", Integer.class);
    }

    private static GraphQlTester.Response register(Api api, Map<String, Object> input) {
        return api.anonymous().documentName("registerMember").variable("input", input).execute();
    }

    private static void assertSingleError(GraphQlTester.Response response, String classification, Consumer<String> message) {
        response.errors().satisfy(errors -> {
            List<ResponseError> list = errors;
            assertThat(list).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo(classification);
                message.accept(e.getMessage());
            });
        });
    }
}
