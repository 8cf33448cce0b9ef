package com.matchmaking.app.risk;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every risk rule over real HTTP, with low thresholds and a clock the test sets: the access that goes over a threshold
 * is refused, the alert is raised and the staff account is suspended at once; compliance sees the alert and resolves
 * it, reinstating the account or keeping it suspended. The thresholds and the working hours (08:00 to 20:00 UTC) are
 * those of {@link IsolatedIntegrationTest}'s application; each test starts at 10:00 on the clock's next day.
 */
@Order(8)
class RiskRulesTest extends IsolatedIntegrationTest {

    private static final String SUSPENDED = "This account is suspended";

    private Staffing staffing;
    private Staffing.StaffMember compliance;

    @BeforeEach
    void tomorrowMorning() {
        clock.set(at(LocalTime.of(10, 0)));
        staffing = new Staffing(api());
        compliance = staffing.cleared(Role.COMPLIANCE);
    }

    @Test
    void lookingAtMoreDistinctMembersThanAllowedSuspendsAtOnceAndComplianceReinstates() {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        List<Api.Registered> members = members(5);
        for (int i = 0; i < 3; i++) {
            view(service, members.get(i)).path("memberProfile.memberId").hasValue();
        }
        view(service, members.get(3)).errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getMessage()).contains(SUSPENDED);
        }));
        assertSuspended(service);

        Map<String, Object> alert = awaitAlert(service.staffId(), "DISTINCT_MEMBERS");
        assertThat(alert).containsEntry("accountKind", "STAFF").containsEntry("observed", 4).containsEntry("threshold", 3)
                .containsEntry("window", "PT10M").containsEntry("status", "OPEN");

        Map<String, Object> resolved = resolve(alert, "REINSTATE", "Month-end review of the whole city, agreed with the manager");
        assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("decision", "REINSTATE")
                .containsEntry("note", "Month-end review of the whole city, agreed with the manager")
                .containsEntry("resolvedBy", compliance.staffId().toString());
        // The suspension revoked the tokens the account had: after the reinstatement it logs in again.
        service = new Staffing.StaffMember(service.staffId(), service.username(), service.password(), staffing.login(service));
        view(service, members.get(4)).path("memberProfile.memberId").hasValue();
        view(service, members.get(0)).path("memberProfile.memberId").hasValue();
        // The alerts list is a read model: it shows the resolution once its processor has caught up.
        UUID flagged = service.staffId();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(openAlerts(flagged)).as("after a resolution only later looks count").isEmpty());
    }

    @Test
    void revealingMoreThanAllowedWithinAnHourSuspendsAndComplianceMayKeepTheSuspension() {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Api.Registered member = members(1).get(0);
        for (int i = 0; i < 3; i++) {
            reveal(service, member).path("revealField").entity(String.class).isEqualTo(member.data().storedPhone());
        }
        reveal(service, member).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains(SUSPENDED)));
        assertSuspended(service);

        Map<String, Object> alert = awaitAlert(service.staffId(), "REVEALS");
        assertThat(alert).containsEntry("observed", 4).containsEntry("threshold", 3).containsEntry("window", "PT1H");
        assertThat(openAlerts(service.staffId())).extracting(a -> a.get("rule")).containsExactly("REVEALS");

        assertThat(resolve(alert, "KEEP_SUSPENDED", "No ticket explains these calls")).containsEntry("decision", "KEEP_SUSPENDED");
        assertSuspended(service);
        api().as(compliance.token()).documentName("resolveAlert").variable("alertId", alert.get("alertId"))
                .variable("decision", "REINSTATE").variable("note", "Second thoughts").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
    }

    @Test
    void touchingMembersDataOutsideWorkingHoursSuspends() {
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        Api.Registered member = members(1).get(0);
        staffing.assign(member.memberId(), matchmaker.staffId());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE member_id = ? AND matchmaker_id = ?", Integer.class,
                member.memberId(), matchmaker.staffId()) == 1);
        view(matchmaker, member).path("memberProfile.memberId").hasValue();

        clock.set(at(LocalTime.of(23, 0)));
        view(matchmaker, member).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains(SUSPENDED)));
        assertSuspended(matchmaker);
        assertThat(awaitAlert(matchmaker.staffId(), "OUTSIDE_WORKING_HOURS")).containsEntry("observed", 1)
                .containsEntry("window", null);
    }

    /**
     * Anyone who knows a username can fail its logins: that must tell compliance, and must not switch the account off
     * (or a stranger could suspend every compliance officer). The lockout, not a suspension, slows the guesser.
     */
    @Test
    void repeatedFailedLoginsRaiseAnAlertForComplianceButSuspendNobody() {
        Staffing.StaffMember analyst = staffing.cleared(Role.ANALYST);
        for (int i = 0; i < 3; i++) {
            failLogin(analyst.username(), "not the password " + i);
        }
        Map<String, Object> alert = awaitAlert(analyst.staffId(), "FAILED_LOGINS");
        assertThat(alert).containsEntry("observed", 3).containsEntry("threshold", 2);
        String again = staffing.login(analyst);
        assertThat(again).as("the right password still logs in: no suspension").isNotBlank();
        api().as(analyst.token()).documentName("demographics").variable("groupBy", List.of("CITY")).execute()
                .path("demographics").hasValue();

        // The same stranger against the compliance officer who would resolve the alert.
        for (int i = 0; i < 3; i++) {
            failLogin(compliance.username(), "guess " + i);
        }
        awaitAlert(compliance.staffId(), "FAILED_LOGINS");
        assertThat(staffing.login(compliance)).isNotBlank();
        assertThat(alerts("OPEN")).as("compliance keeps working").isNotEmpty();

        resolve(alert, "REINSTATE", "The analyst had a new keyboard layout");
        failLogin(analyst.username(), "typo");
        assertThat(staffing.login(analyst)).as("the run of failures was cleared with the resolution").isNotBlank();
    }

    private void failLogin(String username, String password) {
        api().anonymous().documentName("login").variable("username", username).variable("password", password).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }

    /**
     * An administrator, friend or accomplice of a flagged account, who would let it back in before compliance has
     * reviewed the alert: refused, the account stays suspended, and only compliance's decision lifts it.
     */
    @Test
    void anAdministratorCannotReinstateAnAccountARiskAlertSuspended() {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        List<Api.Registered> members = members(4);
        for (int i = 0; i < 3; i++) {
            view(service, members.get(i)).path("memberProfile.memberId").hasValue();
        }
        view(service, members.get(3)).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        Map<String, Object> alert = awaitAlert(service.staffId(), "DISTINCT_MEMBERS");

        api().as(staffing.adminToken()).documentName("reinstateStaff").variable("staffId", service.staffId().toString())
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(e.getMessage()).contains("only the review of the alert by compliance lifts it");
                }));
        api().anonymous().documentName("login").variable("username", service.username())
                .variable("password", service.password()).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains(SUSPENDED)));

        resolve(alert, "REINSTATE", "Reviewed: a month-end check agreed with the manager");
        assertThat(staffing.login(service)).isNotBlank();
    }

    @Test
    void sharingMoreDataThanAllowedSuspendsTheStaffMemberAndAMembersOwnExportsRaiseAnAlert() {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Api.Registered member = members(1).get(0);
        for (int i = 0; i < 2; i++) {
            share(service, member).path("requestDataShare.status").entity(String.class).isEqualTo("REQUESTED");
        }
        share(service, member).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains(SUSPENDED)));
        assertSuspended(service);
        assertThat(awaitAlert(service.staffId(), "EXPORT_VOLUME")).containsEntry("accountKind", "STAFF")
                .containsEntry("observed", 3).containsEntry("threshold", 2).containsEntry("window", "PT24H");

        Api.Registered exporter = api().register(TestMembers.fresh());
        for (int i = 0; i < 3; i++) {
            assertThat(api().export(exporter.token())).as("a member is never suspended from their own data").containsKey("profile");
        }
        Map<String, Object> memberAlert = awaitAlert(exporter.memberId(), "EXPORT_VOLUME");
        assertThat(memberAlert).containsEntry("accountKind", "MEMBER").containsEntry("observed", 3);
        api().as(compliance.token()).documentName("resolveAlert").variable("alertId", memberAlert.get("alertId"))
                .variable("decision", "REINSTATE").variable("note", "Nothing to reinstate").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        assertThat(resolve(memberAlert, "KEEP_SUSPENDED", "The member confirmed the downloads by phone"))
                .containsEntry("status", "RESOLVED");
    }

    /** The time on the clock's next day: the clock only moves forward. */
    private Instant at(LocalTime time) {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(time).toInstant(ZoneOffset.UTC);
    }

    private List<Api.Registered> members(int count) {
        List<Api.Registered> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(api().register(TestMembers.fresh()));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> members.stream().allMatch(m -> jdbc.queryForObject(
                "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, m.memberId()) == 1));
        return members;
    }

    private GraphQlTester.Response view(Staffing.StaffMember staff, Api.Registered member) {
        return api().as(staff.token()).documentName("memberProfile").variable("memberId", member.memberId().toString()).execute();
    }

    private GraphQlTester.Response reveal(Staffing.StaffMember staff, Api.Registered member) {
        return api().as(staff.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "PHONE").variable("reason", "Calling about the appointment").execute();
    }

    private GraphQlTester.Response share(Staffing.StaffMember staff, Api.Registered member) {
        return api().as(staff.token()).documentName("requestDataShare").variable("memberId", member.memberId().toString())
                .variable("recipient", "Acme Insurance").variable("purpose", "A quote the member asked for")
                .variable("fields", List.of("CITY")).execute();
    }

    private void assertSuspended(Staffing.StaffMember staff) {
        api().anonymous().documentName("login").variable("username", staff.username()).variable("password", staff.password())
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains(SUSPENDED)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alerts(String status) {
        return api().as(compliance.token()).documentName("alerts").variable("status", status).execute().path("alerts")
                .entity(List.class).get();
    }

    private List<Map<String, Object>> openAlerts(UUID account) {
        return alerts("OPEN").stream().filter(a -> a.get("accountId").equals(account.toString())).toList();
    }

    private Map<String, Object> awaitAlert(UUID account, String rule) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            found.clear();
            alerts(null).stream().filter(a -> a.get("accountId").equals(account.toString()) && a.get("rule").equals(rule))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).as("one alert per rule until it is resolved").hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> alert, String decision, String note) {
        return api().as(compliance.token()).documentName("resolveAlert").variable("alertId", alert.get("alertId"))
                .variable("decision", decision).variable("note", note).execute().path("resolveAlert").entity(Map.class).get();
    }
}
