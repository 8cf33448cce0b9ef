package com.matchmaking.app.retention;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Storage limitation over real HTTP, with a clock the test moves by a year: inactive members get a notice (an event
 * in their log, shown in their erasure status) and are erased when it runs out, with a receipt; a member who logs in
 * meanwhile keeps their data; a legal hold keeps a member from the retention rule and from their own erasure request
 * until compliance lifts it.
 */
@Order(9)
class RetentionTest extends IsolatedIntegrationTest {

    @Test
    void inactiveMembersAreNoticedThenErasedUnlessTheyComeBackOrALegalHoldStands() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        Api.Registered leaving = api().register(TestMembers.fresh());
        Api.Registered returning = api().register(TestMembers.fresh());
        Api.Registered held = api().register(TestMembers.fresh());
        Api.Registered heldAndAsking = api().register(TestMembers.fresh());

        hold(compliance, held, "Court order 2026-117 on a fraud case");
        hold(compliance, heldAndAsking, "An authority asked us to keep the account");
        Map<String, Object> asked = api().as(heldAndAsking.token()).documentName("requestErasure").execute()
                .path("requestErasure").entity(Map.class).get();
        assertThat(asked).as("an erasure request under a legal hold waits").containsEntry("state", "PENDING")
                .containsEntry("legalHold", true).containsEntry("receipt", null);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("legal_hold", heldAndAsking.memberId()) == 1
                && count("erasure_schedule", heldAndAsking.memberId()) == 1);

        clock.advance(Duration.ofDays(366));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("retention_schedule", leaving.memberId()) == 1
                && count("retention_schedule", returning.memberId()) == 1);
        Map<String, Object> notice = status(leaving);
        assertThat(notice).containsEntry("state", "NONE").containsEntry("legalHold", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> retention = (Map<String, Object>) notice.get("retentionNotice");
        assertThat(Instant.parse((String) retention.get("dueAt"))).isAfter(clock.instant().plus(Duration.ofDays(29)));
        assertThat((String) retention.get("message")).as("the notice in words, in the request's language")
                .startsWith("You have not logged in since ").contains("Unless you log in before ");
        assertThat((String) api().inLanguage("zh-CN").as(leaving.token()).documentName("myErasureStatus").execute()
                .path("myErasureStatus.retentionNotice.message").entity(String.class).get())
                .startsWith("您自 ").contains("之前仍未登录，我们将删除您的账户和全部信息");
        assertThat(eventsOf(leaving.memberId())).contains("RetentionNoticeIssued");
        assertThat(status(held).get("retentionNotice")).as("no notice under a legal hold").isNull();
        assertThat(status(held)).containsEntry("legalHold", true);
        assertThat(count("retention_schedule", held.memberId()) + count("retention_schedule", heldAndAsking.memberId())).isZero();

        api().login(returning.data().email(), returning.data().password());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("retention_schedule", returning.memberId()) == 0);
        assertThat(eventsOf(returning.memberId())).contains("RetentionNoticeWithdrawn");

        clock.advance(Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("erasure_receipt", leaving.memberId()) == 1);
        assertThat(count("subject_key", leaving.memberId())).isZero();
        assertThat(count("account", leaving.memberId())).isZero();
        staffing.recordTraining(compliance.staffId(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        api().as(compliance.token()).documentName("erasureReceipt").variable("memberId", leaving.memberId().toString())
                .execute().path("erasureReceipt.cause").entity(String.class).isEqualTo("RETENTION")
                .path("erasureReceipt.loginRemoved").entity(Boolean.class).isEqualTo(true);

        sleep(Duration.ofSeconds(1));
        for (Api.Registered kept : List.of(returning, held, heldAndAsking)) {
            assertThat(count("erasure_receipt", kept.memberId())).as("kept: came back, or under a legal hold").isZero();
            assertThat(count("account", kept.memberId())).isOne();
        }
        api().as(returning.token()).documentName("me").execute().path("me.email").entity(String.class)
                .isEqualTo(returning.data().email());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> holds = api().as(compliance.token()).documentName("legalHolds").execute()
                .path("legalHolds").entity(List.class).get();
        List<String> ours = List.of(held.memberId().toString(), heldAndAsking.memberId().toString());
        assertThat(holds).filteredOn(h -> ours.contains(h.get("memberId")))
                .extracting(h -> h.get("memberId") + " " + h.get("reason")).containsExactlyInAnyOrder(
                held.memberId() + " Court order 2026-117 on a fraud case",
                heldAndAsking.memberId() + " An authority asked us to keep the account");
        assertThat(status(heldAndAsking).toString()).as("the member learns a hold exists, not why").doesNotContain("authority");
        Map<String, Object> export = api().export(held.token());
        assertThat(export).containsEntry("legalHold", true);
        assertThat(export.toString()).doesNotContain("Court order");

        api().as(compliance.token()).documentName("releaseLegalHold").variable("memberId", heldAndAsking.memberId().toString())
                .execute().path("releaseLegalHold").entity(Boolean.class).isEqualTo(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("erasure_receipt", heldAndAsking.memberId()) == 1);
        api().as(compliance.token()).documentName("erasureReceipt").variable("memberId", heldAndAsking.memberId().toString())
                .execute().path("erasureReceipt.cause").entity(String.class).isEqualTo("MEMBER_REQUEST");
    }

    private void hold(Staffing.StaffMember compliance, Api.Registered member, String reason) {
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", member.memberId().toString())
                .variable("reason", reason).execute().path("placeLegalHold.reason").entity(String.class).isEqualTo(reason);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(Api.Registered member) {
        // The token from registration: logging in again would count as coming back.
        GraphQlTester as = api().as(member.token());
        return as.documentName("myErasureStatus").execute().path("myErasureStatus").entity(Map.class).get();
    }

    private List<String> eventsOf(UUID memberId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, memberId.toString()).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private int count(String table, UUID memberId) {
        String column = switch (table) {
            case "subject_key" -> "subject_id";
            case "account" -> "account_id";
            default -> "member_id";
        };
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, memberId);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
