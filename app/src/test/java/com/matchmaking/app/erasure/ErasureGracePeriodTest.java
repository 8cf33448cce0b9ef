package com.matchmaking.app.erasure;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a cooling-off period (the application's 14 days), an erasure waits, can be cancelled, and is carried out by the
 * scheduler when due. The movable clock passes the period.
 */
@Order(7)
class ErasureGracePeriodTest extends IsolatedIntegrationTest {

    @Autowired
    MatchmakingProperties properties;

    @Test
    void aPendingErasureCanBeCancelledAndIsOtherwiseCarriedOutWhenDue() {
        Duration grace = properties.erasure().gracePeriod();
        assertThat(grace).isPositive();
        Api.Registered member = api().register(TestMembers.fresh());
        GraphQlTester me = api().as(member.token());

        Instant before = clock.instant();
        me.documentName("requestErasure").execute()
                .path("requestErasure.state").entity(String.class).isEqualTo("PENDING")
                .path("requestErasure.dueAt").entity(String.class)
                .satisfies(due -> assertThat(Instant.parse(due)).isAfterOrEqualTo(before.plus(grace)));
        me.documentName("myErasureStatus").execute().path("myErasureStatus.state").entity(String.class).isEqualTo("PENDING");

        me.documentName("cancelErasure").execute().path("cancelErasure.state").entity(String.class).isEqualTo("NONE");
        me.documentName("cancelErasure").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        // Another member's request, left standing: once it is carried out, the scheduler has looked past the due time.
        Api.Registered other = api().register(TestMembers.fresh());
        api().as(other.token()).documentName("requestErasure").execute()
                .path("requestErasure.state").entity(String.class).isEqualTo("PENDING");
        clock.advance(grace.plusDays(1));
        awaitReceipt(other);
        me.documentName("me").execute().path("me.memberId").entity(String.class).isEqualTo(member.memberId().toString());

        me.documentName("requestErasure").execute().path("requestErasure.state").entity(String.class).isEqualTo("PENDING");
        clock.advance(grace.plusDays(1));
        awaitReceipt(member);

        MemberSelfServiceAssertions.unauthorized(me.documentName("me").execute());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM erasure_fence WHERE subject_id = ?", Integer.class, member.memberId())).isOne();
    }

    private void awaitReceipt(Api.Registered member) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM erasure_receipt WHERE member_id = ?", Integer.class, member.memberId()) == 1);
    }
}
