package com.matchmaking.app.sharing;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sharing with a third party over real HTTP: staff ask, the member sees it and gives or refuses a separate consent,
 * a compliance officer other than the requester approves, the requester collects a package holding only the asked
 * fields, once, and the hand-over is in the member's access log and compliance's register. Withdrawing the consent
 * to THIRD_PARTY_SHARING stops every share not handed over yet.
 */
class DataSharingTest extends IntegrationTest {

    private Staffing staffing;
    private Staffing.StaffMember service;
    private Staffing.StaffMember compliance;
    private Api.Registered member;

    @BeforeEach
    void people() {
        staffing = new Staffing(api());
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
        compliance = staffing.cleared(Role.COMPLIANCE);
        member = api().register(TestMembers.fresh());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, member.memberId()) == 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShareGoesAheadOnlyWithTheMembersConsentAndAnotherPersonsApprovalAndIsHandedOverOnce() {
        String recipient = "Acme Insurance for " + member.data().marker();
        String purpose = "A life-insurance quote " + member.data().marker() + " asked for";
        Map<String, Object> requested = request(service, recipient, purpose, List.of("FULL_NAME", "CITY"))
                .path("requestDataShare").entity(Map.class).get();
        String shareId = (String) requested.get("shareId");
        assertThat(requested).containsEntry("status", "REQUESTED").containsEntry("recipient", recipient)
                .containsEntry("purpose", purpose).containsEntry("fields", List.of("FULL_NAME", "CITY"))
                .containsEntry("requestedBy", service.staffId().toString());

        assertThat(myShares(member)).singleElement().satisfies(s -> assertThat(s).containsEntry("shareId", shareId)
                .containsEntry("recipient", recipient).containsEntry("purpose", purpose).containsEntry("status", "REQUESTED"));
        awaitRegister(shareId, "REQUESTED");
        approve(compliance, shareId).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        respond(member, shareId, true).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(e.getMessage()).contains("THIRD_PARTY_SHARING");
        }));
        api().as(member.token()).documentName("grantConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("grantConsent").hasValue();
        respond(member, shareId, true).path("respondToDataShare.status").entity(String.class).isEqualTo("CONSENTED");

        collect(service, shareId).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        approve(compliance, shareId).path("approveDataShare.status").entity(String.class).isEqualTo("APPROVED")
                .path("approveDataShare.approvedBy").entity(String.class).isEqualTo(compliance.staffId().toString());

        Staffing.StaffMember otherService = staffing.cleared(Role.CUSTOMER_SERVICE);
        collect(otherService, shareId).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        Map<String, Object> handedOver = collect(service, shareId).path("collectDataShare").entity(Map.class).get();
        assertThat(handedOver).containsEntry("shareId", shareId).containsEntry("memberId", member.memberId().toString())
                .containsEntry("recipient", recipient).containsEntry("purpose", purpose)
                .containsEntry("values", Map.of("fullName", member.data().fullName(), "city", member.data().city()));
        collect(service, shareId).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
            assertThat(e.getMessage()).contains("produced once");
        }));

        assertThat(accessLog(member)).filteredOn(e -> e.get("kind").equals("SHARE")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("actorId", service.staffId().toString()).containsEntry("actorRole", "CUSTOMER_SERVICE")
                .containsEntry("fields", List.of("fullName", "city")).containsEntry("recipient", recipient)
                .containsEntry("reason", purpose).containsEntry("shareId", shareId));
        awaitRegister(shareId, "SHARED");
        Map<String, Object> entry = register().stream().filter(s -> s.get("shareId").equals(shareId)).findFirst().orElseThrow();
        assertThat(entry).containsEntry("recipient", recipient).containsEntry("purpose", purpose).containsEntry("status", "SHARED")
                .containsEntry("approvedBy", compliance.staffId().toString());
        assertThat(entry.get("requestedAt")).isNotNull();
        assertThat(entry.get("consentedAt")).isNotNull();
        assertThat(entry.get("approvedAt")).isNotNull();
        assertThat(entry.get("sharedAt")).isNotNull();
        assertThat(jdbc.queryForList("SELECT * FROM data_share WHERE share_id = ?", UUID.fromString(shareId)).toString())
                .as("the register table holds no recipient or purpose in the clear").doesNotContain(member.data().marker());

        Map<String, Object> export = api().export(member.token());
        assertThat((List<Map<String, Object>>) export.get("shares")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("shareId", shareId).containsEntry("recipient", recipient).containsEntry("status", "SHARED"));
        assertThat((List<Map<String, Object>>) export.get("consentLedger")).extracting(c -> c.get("action"))
                .contains("GRANTED", "SHARE_CONSENTED");
        assertThat((List<Map<String, Object>>) export.get("accessLog")).extracting(a -> a.get("event"))
                .contains("MemberDataShared");
    }

    @Test
    void theRequesterCannotApproveTheirOwnShareEvenWithTheComplianceRole() {
        Staffing.StaffMember both = staffing.cleared(Role.CUSTOMER_SERVICE, Role.COMPLIANCE);
        String shareId = (String) request(both, "Beta Bank", "A loan check the member asked for", List.of("CITY"))
                .path("requestDataShare.shareId").entity(String.class).get();
        api().as(member.token()).documentName("grantConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("grantConsent").hasValue();
        respond(member, shareId, true).path("respondToDataShare.status").entity(String.class).isEqualTo("CONSENTED");
        awaitRegister(shareId, "CONSENTED");

        approve(both, shareId).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getMessage()).contains("someone other than its requester");
        }));
        approve(compliance, shareId).path("approveDataShare.status").entity(String.class).isEqualTo("APPROVED");
    }

    @Test
    void refusingOrWithdrawingTheConsentToSharingStopsTheShares() {
        api().as(member.token()).documentName("grantConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("grantConsent").hasValue();
        String refused = (String) request(service, "Gamma Dating Events", "An invitation to a speed-dating evening",
                List.of("FULL_NAME")).path("requestDataShare.shareId").entity(String.class).get();
        respond(member, refused, false).path("respondToDataShare.status").entity(String.class).isEqualTo("REFUSED");

        String approved = (String) request(service, "Delta Photo Studio", "Portraits for the member's profile",
                List.of("PHONE")).path("requestDataShare.shareId").entity(String.class).get();
        respond(member, approved, true).path("respondToDataShare.status").entity(String.class).isEqualTo("CONSENTED");
        awaitRegister(approved, "CONSENTED");
        approve(compliance, approved).path("approveDataShare.status").entity(String.class).isEqualTo("APPROVED");
        String pending = (String) request(service, "Epsilon Wedding Planners", "A brochure the member asked for",
                List.of("CITY")).path("requestDataShare.shareId").entity(String.class).get();

        api().as(member.token()).documentName("withdrawConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("withdrawConsent").hasValue();

        assertThat(myShares(member)).extracting(s -> s.get("shareId") + " " + s.get("status"))
                .containsExactlyInAnyOrder(refused + " REFUSED", approved + " CANCELLED", pending + " CANCELLED");
        collect(service, approved).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        awaitRegister(refused, "REFUSED");
        approve(compliance, refused).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        assertThat(consentHistory(member)).extracting(c -> c.get("action"))
                .contains("SHARE_REFUSED", "SHARE_CONSENTED", "SHARE_CANCELLED");
    }

    @Test
    void nobodyReachesAShareThatIsNotTheirs() {
        String shareId = (String) request(service, "Zeta Travel", "A honeymoon offer the member asked for", List.of("CITY"))
                .path("requestDataShare.shareId").entity(String.class).get();
        Api.Registered other = api().register(TestMembers.fresh());
        respond(other, shareId, true).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        assertThat(myShares(other)).isEmpty();

        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        api().as(matchmaker.token()).documentName("requestDataShare").variable("memberId", member.memberId().toString())
                .variable("recipient", "Eta Events").variable("purpose", "A matchmaker's event invitation")
                .variable("fields", List.of("CITY")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }

    private GraphQlTester.Response request(Staffing.StaffMember staff, String recipient, String purpose, List<String> fields) {
        return api().as(staff.token()).documentName("requestDataShare").variable("memberId", member.memberId().toString())
                .variable("recipient", recipient).variable("purpose", purpose).variable("fields", fields)
                .variable("view", "CUSTOMER_SERVICE").execute();
    }

    private GraphQlTester.Response respond(Api.Registered who, String shareId, boolean consent) {
        return api().as(who.token()).documentName("respondToDataShare").variable("shareId", shareId)
                .variable("consent", consent).execute();
    }

    private GraphQlTester.Response approve(Staffing.StaffMember officer, String shareId) {
        return api().as(officer.token()).documentName("approveDataShare").variable("shareId", shareId).execute();
    }

    private GraphQlTester.Response collect(Staffing.StaffMember staff, String shareId) {
        return api().as(staff.token()).documentName("collectDataShare").variable("shareId", shareId).execute();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> myShares(Api.Registered who) {
        return api().as(who.token()).documentName("myDataShares").execute().path("myDataShares").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLog(Api.Registered who) {
        return api().as(who.token()).documentName("myAccessLog").execute().path("myAccessLog").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> consentHistory(Api.Registered who) {
        return api().as(who.token()).documentName("myConsentHistory").execute().path("myConsentHistory").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> register() {
        return api().as(compliance.token()).documentName("dataShareRegister").execute().path("dataShareRegister")
                .entity(List.class).get();
    }

    private void awaitRegister(String shareId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(jdbc.queryForList(
                "SELECT status FROM data_share WHERE share_id = ?", String.class, UUID.fromString(shareId)).stream()
                .findFirst().orElse(null)));
    }
}
