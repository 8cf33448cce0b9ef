package com.matchmaking.app.erasure;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Erasure with no cooling-off period (the test profile's PT0S): the key goes, the log stays, the login goes. */
@Tag("external-postgres")
class MemberErasureTest extends IntegrationTest {

    @Test
    void erasureDestroysTheKeysSnapshotsReadModelRowsAndLoginAndLeavesAReceipt() {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        // Enough changes for the member aggregate to be snapshotted.
        for (int i = 0; i < 26; i++) {
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("heightCm", 150 + i)).execute();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("snapshot_event_entry", "aggregate_identifier", member.memberId().toString()) > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("service_member_card", "member_id", member.memberId()) == 1
                && rows("matchmaker_member_card", "member_id", member.memberId()) == 1);
        int eventsOfMember = rows("domain_event_entry", "aggregate_identifier", member.memberId().toString());

        Map<String, Object> status = api().as(member.token()).documentName("requestErasure").execute()
                .path("requestErasure").entity(Map.class).get();

        assertThat(status).containsEntry("state", "ERASED");
        @SuppressWarnings("unchecked")
        Map<String, Object> receipt = (Map<String, Object>) status.get("receipt");
        assertThat(receipt).containsEntry("memberId", member.memberId().toString()).containsEntry("loginRemoved", true);
        assertThat((Iterable<?>) receipt.get("keyGroupsDestroyed")).asList()
                .containsExactlyInAnyOrder("contact", "profile", "sensitive");
        assertThat((Integer) receipt.get("snapshotsDeleted")).isPositive();
        assertThat(receipt.toString()).doesNotContain(data.marker(), data.phone());

        assertThat(rows("subject_key", "subject_id", member.memberId())).isZero();
        assertThat(rows("erasure_fence", "subject_id", member.memberId())).isOne();
        assertThat(rows("snapshot_event_entry", "aggregate_identifier", member.memberId().toString())).isZero();
        assertThat(rows("account", "account_id", member.memberId())).isZero();
        assertThat(rows("domain_event_entry", "aggregate_identifier", member.memberId().toString()))
                .as("the log stays intact: the erasure event is appended, nothing is removed")
                .isEqualTo(eventsOfMember + 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("service_member_card", "member_id", member.memberId()) == 0
                && rows("matchmaker_member_card", "member_id", member.memberId()) == 0);

        MemberSelfServiceAssertions.unauthorized(api().as(member.token()).documentName("me").execute());
        MemberSelfServiceAssertions.unauthorized(api().anonymous().documentName("login")
                .variable("username", data.email()).variable("password", data.password()).execute());
    }

    @Test
    void underALegalHoldTheRequestWaitsEvenWithoutACoolingOffPeriodAndIsCarriedOutOnceTheHoldIsLifted() {
        Staffing.StaffMember compliance = new Staffing(api()).cleared(Role.COMPLIANCE);
        Api.Registered member = api().register(TestMembers.fresh());
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", member.memberId().toString())
                .variable("reason", "An authority asked us to keep the account").execute()
                .path("placeLegalHold.memberId").entity(String.class).isEqualTo(member.memberId().toString());

        Map<String, Object> asked = api().as(member.token()).documentName("requestErasure").execute()
                .path("requestErasure").entity(Map.class).get();

        assertThat(asked).containsEntry("state", "PENDING").containsEntry("legalHold", true).containsEntry("receipt", null);
        api().as(member.token()).documentName("me").execute().path("me.memberId").entity(String.class)
                .isEqualTo(member.memberId().toString());
        assertThat(rows("erasure_receipt", "member_id", member.memberId())).isZero();

        api().as(compliance.token()).documentName("releaseLegalHold").variable("memberId", member.memberId().toString())
                .execute().path("releaseLegalHold").entity(Boolean.class).isEqualTo(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("erasure_receipt", "member_id", member.memberId()) == 1);
        assertThat(rows("subject_key", "subject_id", member.memberId())).as("the keys go with the erasure").isZero();
    }

    @Test
    void aNewMemberCanRegisterWithTheEmailOfAnErasedOne() {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered erased = api().register(data);
        api().as(erased.token()).documentName("requestErasure").execute().path("requestErasure.state").entity(String.class).isEqualTo("ERASED");

        Api.Registered again = api().register(data);

        assertThat(again.memberId()).isNotEqualTo(erased.memberId());
        api().as(again.token()).documentName("me").execute().path("me.fullName").entity(String.class).isEqualTo(data.fullName());
    }

    private int rows(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Integer.class,
                value instanceof UUID ? value : value.toString());
    }
}
