package com.matchmaking.app.erasure;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

final class MemberSelfServiceAssertions {

    private MemberSelfServiceAssertions() {
    }

    static void unauthorized(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }
}
