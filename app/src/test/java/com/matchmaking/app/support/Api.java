package com.matchmaking.app.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Real GraphQL over HTTP against the running backend, anonymously or with a member's or staff member's token. Every
 * request says {@code Accept-Language: en} unless another language is asked for ({@link #inLanguage}; null sends no
 * header, which gets the backend's default, Chinese): most tests read English messages.
 */
public final class Api {

    /** The language tests read unless they ask for another. */
    public static final String DEFAULT_LANGUAGE = "en";

    /**
     * The test clients' own connections and event loop, not reactor-netty's global ones: an application that a test
     * starts and closes beside the suite ({@link RunsBesideTheSuite}) disposes the global ones as it closes, which cut
     * the shared applications' requests off mid-flight ("Connection prematurely closed").
     */
    private static final ReactorClientHttpConnector CONNECTOR = new ReactorClientHttpConnector(
            HttpClient.create(ConnectionProvider.create("test-api")).runOn(LoopResources.create("test-api", 2, true)));

    private final int port;
    private final HttpGraphQlTester anonymous;

    public Api(int port) {
        this(port, DEFAULT_LANGUAGE);
    }

    private Api(int port, String language) {
        this.port = port;
        WebTestClient.Builder builder = client()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60));
        if (language != null) {
            builder.defaultHeader("Accept-Language", language);
        }
        this.anonymous = HttpGraphQlTester.create(builder.build());
    }

    /** A client on the tests' own connections (see {@link #CONNECTOR}), for requests outside the GraphQL API. */
    public static WebTestClient.Builder client() {
        return WebTestClient.bindToServer(CONNECTOR);
    }

    /** The same API with {@code Accept-Language: language} on every request, or no such header when null. */
    public Api inLanguage(String language) {
        return new Api(port, language);
    }

    public HttpGraphQlTester anonymous() {
        return anonymous;
    }

    public HttpGraphQlTester as(String token) {
        return anonymous.mutate().header("Authorization", "Bearer " + token).build();
    }

    public String login(String username, String password) {
        return anonymous.documentName("login").variable("username", username).variable("password", password)
                .execute().path("login.token").entity(String.class).get();
    }

    /** A member registered over the API, with the token of their first login. */
    public record Registered(UUID memberId, String token, TestMembers.Member data) {
    }

    /**
     * Registers the member and confirms the address as a member would: with the code from the mail the test SMTP
     * server received. The token is that of the confirmation's login.
     */
    public Registered register(TestMembers.Member member) {
        int mailsBefore = TestMail.to(member.email()).size();
        String id = anonymous.documentName("registerMember").variable("input", member.input())
                .execute().path("registerMember.memberId").entity(String.class).get();
        String token = confirm(member.email(), mailsBefore + 1);
        return new Registered(UUID.fromString(id), token, member);
    }

    /**
     * Confirms an address that has received one registration mail (a fresh member's), with its code; returns the token
     * of the confirmation.
     */
    public String confirm(String email) {
        return confirm(email, 1);
    }

    /** Confirms the address with the code of its {@code n}th mail, waiting for it to arrive. */
    public String confirm(String email, int n) {
        String code = TestMail.code(email, n);
        return anonymous.documentName("confirmEmail").variable("email", email).variable("code", code)
                .execute().path("confirmEmail.token").entity(String.class).get();
    }

    public Map<String, Object> export(String token) {
        return as(token).documentName("myDataExport").execute().path("myDataExport").entity(Map.class).get();
    }
}
