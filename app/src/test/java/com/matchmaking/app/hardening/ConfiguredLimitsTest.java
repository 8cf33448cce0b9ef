package com.matchmaking.app.hardening;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.ApplicationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static com.matchmaking.app.hardening.Refusals.assertRefused;
import static com.matchmaking.app.hardening.Refusals.assertServed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every limit set low, and each shown to trip just past its configured value and not at it, with real queries over
 * real HTTP. The defaults are shown in {@link DefaultLimitsTest}.
 */
@TestPropertySource(properties = {
        "matchmaking.graphql.max-depth=3",
        "matchmaking.graphql.max-complexity=12",
        "matchmaking.graphql.max-aliases=2",
        "matchmaking.graphql.max-operations=2",
        "matchmaking.graphql.timeout=PT3S",
        "matchmaking.graphql.max-request-size=4KB"})
class ConfiguredLimitsTest extends ApplicationTest {

    private static final int MAX_REQUEST_SIZE = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Http http;

    @BeforeEach
    void http() {
        http = new Http(port);
    }

    // --- depth ---

    @Test
    void aQueryAsDeepAsTheLimitRunsAndOneFieldDeeperIsRefused() {
        Api.Registered member = api().register(TestMembers.fresh());

        assertServed(http.graphQl("{ me { preferences { __typename } } }", member.token()));

        assertRefused(http.graphQl("{ me { preferences { ageYears { min } } } }", member.token()),
                "BAD_REQUEST", "nested 4 fields deep; at most 3 are allowed");
    }

    @Test
    void aRefusedDocumentIsRefusedEachTimeAndAServedOneAnswersEachCallerForThemselves() {
        // Documents are parsed and validated once and then kept (ParsedDocumentCache): only valid ones, by their text.
        Api.Registered one = api().register(TestMembers.fresh());
        Api.Registered other = api().register(TestMembers.fresh());
        String tooDeep = "{ me { preferences { ageYears { max } } } }";
        for (int i = 0; i < 2; i++) {
            assertRefused(http.graphQl(tooDeep, one.token()), "BAD_REQUEST", "nested 4 fields deep");
        }

        String document = "{ me { memberId } }";
        assertThat(http.graphQl(document, one.token()).body()).contains(one.memberId().toString());
        assertThat(http.graphQl(document, other.token()).body()).contains(other.memberId().toString())
                .doesNotContain(one.memberId().toString());
    }

    @Test
    void depthCountsThroughFragments() {
        Api.Registered member = api().register(TestMembers.fresh());

        assertRefused(http.graphQl("""
                        query { ...Profile }
                        fragment Profile on Query { me { ...Preferences } }
                        fragment Preferences on MemberProfile { preferences { ageYears { min } } }
                        """, member.token()),
                "BAD_REQUEST", "nested 4 fields deep");
    }

    // --- complexity ---

    @Test
    void aQuerySelectingAsManyFieldsAsTheLimitRunsAndOneMoreIsRefused() {
        Api.Registered member = api().register(TestMembers.fresh());
        String elevenFields = "email fullName phone city gender birthDate maritalStatus occupation aboutMe wechatId heightCm";

        Map<String, Object> data = assertServed(http.graphQl("{ me { " + elevenFields + " } }", member.token()));
        assertThat(data).extractingByKey("me").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("email", member.data().email());

        assertRefused(http.graphQl("{ me { " + elevenFields + " education } }", member.token()),
                "BAD_REQUEST", "selects 13 fields (fragments expanded); at most 12 are allowed");
    }

    @Test
    void complexityCountsAFragmentEveryTimeItIsSpread() {
        Api.Registered member = api().register(TestMembers.fresh());
        String spreadTwice = "{ a: me { ...Contact } b: me { ...Contact } } ";

        assertServed(http.graphQl(spreadTwice + "fragment Contact on MemberProfile { email fullName phone city gender }",
                member.token()));

        assertRefused(http.graphQl(spreadTwice
                        + "fragment Contact on MemberProfile { email fullName phone city gender wechatId }", member.token()),
                "BAD_REQUEST", "selects 14 fields");
    }

    // --- aliases ---

    @Test
    void asManyAliasesAsTheLimitRunAndOneMoreIsRefused() {
        assertServed(http.graphQl("{ a: privacyPolicy { version } b: privacyPolicy { text } }"));

        assertRefused(http.graphQl("{ a: privacyPolicy { version } b: privacyPolicy { text } c: privacyPolicy { version } }"),
                "BAD_REQUEST", "uses 3 aliases (fragments expanded); at most 2 are allowed");
    }

    @Test
    void aliasesCountThroughFragmentsAndARefusedMutationChangesNothing() {
        Api.Registered member = api().register(TestMembers.fresh());
        int eventsBefore = eventCount();

        assertRefused(http.graphQl("""
                        mutation { ...Grant again: grantConsent(purpose: THIRD_PARTY_SHARING) { purpose } }
                        fragment Grant on Mutation { first: grantConsent(purpose: PERSONALISED_RECOMMENDATIONS) { p: purpose } }
                        """, member.token()),
                "BAD_REQUEST", "uses 3 aliases");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    // --- operations ---

    @Test
    void aDocumentWithAsManyOperationsAsTheLimitRunsTheNamedOneAndOneMoreIsRefused() {
        String two = "query Version { privacyPolicy { version } } query Text { privacyPolicy { text } }";

        Map<String, Object> data = assertServed(http.postJson("/graphql", Http.graphQlBody(two, "Version")));
        assertThat(data).isEqualTo(Map.of("privacyPolicy", Map.of("version", "2026-11")));

        assertRefused(http.postJson("/graphql",
                        Http.graphQlBody(two + " query Again { privacyPolicy { version } }", "Version")),
                "BAD_REQUEST", "The document holds 3 operations; at most 2 are allowed per request");
    }

    // --- request size ---

    @Test
    void aBodyOfExactlyTheLimitIsServedAndOneByteMoreIsRefused() {
        String document = "{ privacyPolicy { version } }";

        assertServed(http.postJson("/graphql", Http.graphQlBodyOfSize(document, MAX_REQUEST_SIZE)));

        assertTooLarge(http.postJson("/graphql", Http.graphQlBodyOfSize(document, MAX_REQUEST_SIZE + 1)));
    }

    @Test
    void aChunkedBodyIsHeldToTheSameLimit() {
        String document = "{ privacyPolicy { version } }";

        assertServed(http.postJsonChunked("/graphql", Http.graphQlBodyOfSize(document, MAX_REQUEST_SIZE)));

        assertTooLarge(http.postJsonChunked("/graphql", Http.graphQlBodyOfSize(document, MAX_REQUEST_SIZE + 1)));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutWaitingForTheBody() {
        // A gigabyte announced, a few bytes sent: the answer must come without the server reading (or awaiting) the rest.
        Http.Response response = http.rawExchange("""
                POST /graphql HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                Accept-Language: en\r
                Content-Length: 1073741824\r
                \r
                """, "{\"query\":\"".getBytes(StandardCharsets.US_ASCII));

        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyIsReadOnlyToOneBytePastTheLimit() {
        // One chunk of limit + 1 bytes and never the final chunk: the server must answer from what it has.
        byte[] chunk = ("1001\r\n" + "x".repeat(MAX_REQUEST_SIZE + 1) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        Http.Response response = http.rawExchange("""
                POST /graphql HTTP/1.1\r
                Host: localhost\r
                Content-Type: application/json\r
                Accept-Language: en\r
                Transfer-Encoding: chunked\r
                \r
                """, chunk);

        assertTooLarge(response);
    }

    private static void assertTooLarge(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        Refusals.assertSingleError(response, "BAD_REQUEST", "The request body is larger than the limit of 4096 bytes");
    }

    // --- timeout ---

    @Test
    void aRequestStuckPastTheTimeoutIsAnsweredAtTheDeadline() throws Exception {
        Api.Registered member = api().register(TestMembers.fresh());
        assertServed(http.graphQl("{ me { email } }", member.token()));

        Http.Response response;
        long took;
        try (Connection locker = eventTableLocked()) {
            long start = System.nanoTime();
            response = http.graphQl("{ me { email } }", member.token());
            took = System.nanoTime() - start;
            locker.rollback();
        }

        assertRefused(response, "INTERNAL_ERROR",
                "The request was stopped at the execution time limit of 3s; a mutation in it may have been applied in part");
        // At the deadline: not before it, and not when the lock went (it was still held when the answer came).
        assertThat(Duration.ofNanos(took)).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(10));
        Http.Response inChinese;
        try (Connection locker = eventTableLocked()) {
            inChinese = http.graphQl("{ me { email } }", member.token(), "zh-CN");
            locker.rollback();
        }
        assertRefused(inChinese, "INTERNAL_ERROR", "请求已在执行时限 3s 处停止；其中的变更可能已部分生效");
        assertServed(http.graphQl("{ me { email } }", member.token()));
    }

    @Test
    void nothingStartsAfterTheDeadline() throws Exception {
        Api.Registered member = api().register(TestMembers.fresh());

        Http.Response response;
        try (Connection locker = eventTableLocked()) {
            response = http.graphQl("""
                    mutation {
                        first: updateMyProfile(input: { city: "Xian" }) { city }
                        second: updateMyProfile(input: { city: "Suzhou" }) { city }
                    }
                    """, member.token());
            locker.rollback();
        }
        assertRefused(response, "INTERNAL_ERROR", "execution time limit");

        // The first mutation was already waiting for the lock when the deadline passed: it finishes. The second
        // would have started right after it, so a second of quiet shows it never did.
        await().atMost(Duration.ofSeconds(30)).until(() -> "Xian".equals(city(member)));
        Thread.sleep(1000);
        assertThat(city(member)).isEqualTo("Xian");
    }

    /** A connection holding PostgreSQL's strongest lock on the event table: reading a member's events waits for it. */
    private Connection eventTableLocked() throws Exception {
        Connection connection = jdbc.getDataSource().getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE domain_event_entry IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }

    @SuppressWarnings("unchecked")
    private String city(Api.Registered member) {
        Map<String, Object> me = (Map<String, Object>) assertServed(http.graphQl("{ me { city } }", member.token())).get("me");
        return (String) me.get("city");
    }
}
