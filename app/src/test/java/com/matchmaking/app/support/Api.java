package com.matchmaking.app.support;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Real GraphQL over HTTP against the running backend, anonymously or with a member's or staff member's token. */
public final class Api {

    private final HttpGraphQlTester anonymous;

    public Api(int port) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        this.anonymous = HttpGraphQlTester.create(client);
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

    public Registered register(TestMembers.Member member) {
        String id = anonymous.documentName("registerMember").variable("input", member.input())
                .execute().path("registerMember.memberId").entity(String.class).get();
        return new Registered(UUID.fromString(id), login(member.email(), member.password()), member);
    }

    public Map<String, Object> export(String token) {
        return as(token).documentName("myDataExport").execute().path("myDataExport").entity(Map.class).get();
    }
}
