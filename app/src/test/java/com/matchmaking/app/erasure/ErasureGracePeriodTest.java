package com.matchmaking.app.erasure;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a cooling-off period, an erasure waits, can be cancelled, and is carried out by the scheduler when due. */
@TestPropertySource(properties = {"matchmaking.erasure.grace-period=PT3S", "matchmaking.erasure.poll-interval=PT0.2S"})
class ErasureGracePeriodTest extends IntegrationTest {

    @Test
    void aPendingErasureCanBeCancelledAndIsOtherwiseCarriedOutWhenDue() {
        Api.Registered member = api().register(TestMembers.fresh());
        GraphQlTester me = api().as(member.token());

        Instant before = Instant.now();
        me.documentName("requestErasure").execute()
                .path("requestErasure.state").entity(String.class).isEqualTo("PENDING")
                .path("requestErasure.dueAt").entity(String.class)
                .satisfies(due -> assertThat(Instant.parse(due)).isAfterOrEqualTo(before.plusSeconds(3)));
        me.documentName("myErasureStatus").execute().path("myErasureStatus.state").entity(String.class).isEqualTo("PENDING");

        me.documentName("cancelErasure").execute().path("cancelErasure.state").entity(String.class).isEqualTo("NONE");
        me.documentName("cancelErasure").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        sleep(Duration.ofSeconds(4));
        me.documentName("me").execute().path("me.memberId").entity(String.class).isEqualTo(member.memberId().toString());

        me.documentName("requestErasure").execute().path("requestErasure.state").entity(String.class).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM erasure_receipt WHERE member_id = ?", Integer.class, member.memberId()) == 1);

        MemberSelfServiceAssertions.unauthorized(me.documentName("me").execute());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM erasure_fence WHERE subject_id = ?", Integer.class, member.memberId())).isOne();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
