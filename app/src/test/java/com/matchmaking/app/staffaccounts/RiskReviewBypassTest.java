package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviews that stand between a staff account and members' data cannot be skipped by the account's own holder:
 * an administrator does not clear themselves (roles, agreement, training), and a staff member named as the suspect
 * of a leak case does not read, work or close it. (An administrator reinstating an account a risk alert suspended is
 * in {@code RiskRulesTest}, whose thresholds can be tripped.)
 */
class RiskReviewBypassTest extends IntegrationTest {

    /** An administrator who would give their own account a role, an agreement or training, and so reach member data. */
    @Test
    void anAdministratorCannotClearTheirOwnAccount() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember admin = staffing.uncleared(Role.ADMIN);
        String self = admin.staffId().toString();
        int before = eventsOf(admin.staffId());

        refused(api().as(admin.token()).documentName("changeStaffRoles").variable("staffId", self)
                .variable("roles", List.of("ADMIN", "COMPLIANCE")).execute(), "FORBIDDEN", "own account");
        refused(api().as(admin.token()).documentName("recordConfidentialityAgreement").variable("staffId", self)
                .variable("version", "CA-2026").variable("signedOn", LocalDate.now().toString()).execute(),
                "FORBIDDEN", "own account");
        refused(api().as(admin.token()).documentName("recordPrivacyTraining").variable("staffId", self)
                .variable("completedOn", LocalDate.now().toString()).execute(), "FORBIDDEN", "own account");

        assertThat(eventsOf(admin.staffId())).as("nothing stored on the administrator's account").isEqualTo(before);
        refused(api().as(admin.token()).documentName("alerts").variable("status", "OPEN").execute(), "FORBIDDEN", "role");

        // Another administrator may: the second pair of eyes.
        api().as(staffing.adminToken()).documentName("recordPrivacyTraining").variable("staffId", self)
                .variable("completedOn", LocalDate.now().toString()).execute()
                .path("recordPrivacyTraining.trainingCompletedOn").entity(String.class)
                .isEqualTo(LocalDate.now().toString());
    }

    /** A compliance officer named as the suspect who would read the report, learn who filed it, or bury the case. */
    @Test
    void theSuspectOfALeakCaseNeitherReadsNorWorksNorClosesIt() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember reporter = staffing.uncleared(Role.ANALYST);
        Staffing.StaffMember suspect = staffing.cleared(Role.COMPLIANCE);
        Staffing.StaffMember officer = staffing.cleared(Role.COMPLIANCE);
        String reportId = api().as(reporter.token()).documentName("fileLeakReport").variable("input", Map.of(
                        "category", "MISUSE_OF_ACCESS", "description", "A compliance officer exported the member list",
                        "suspectedStaffId", suspect.staffId().toString()))
                .execute().path("fileLeakReport.reportId").entity(String.class).get();
        String unknown = UUID.randomUUID().toString();
        int before = eventsOf(UUID.fromString(reportId));

        for (String id : List.of(reportId, unknown)) {
            refused(api().as(suspect.token()).documentName("leakCase").variable("reportId", id).execute(),
                    "NOT_FOUND", "No such leak case");
            refused(api().as(suspect.token()).documentName("startLeakInvestigation").variable("reportId", id).execute(),
                    "NOT_FOUND", "No such leak case");
            refused(api().as(suspect.token()).documentName("addLeakCaseNote").variable("reportId", id)
                    .variable("note", "Nothing to see here").execute(), "NOT_FOUND", "No such leak case");
            refused(api().as(suspect.token()).documentName("closeLeakCase").variable("reportId", id)
                    .variable("outcome", "NOT_SUBSTANTIATED").variable("note", "Closed, nothing found").execute(),
                    "NOT_FOUND", "No such leak case");
        }
        assertThat(eventsOf(UUID.fromString(reportId))).as("nothing stored on the case").isEqualTo(before);

        api().as(officer.token()).documentName("leakCase").variable("reportId", reportId).execute()
                .path("leakCase.status").entity(String.class).isEqualTo("OPEN")
                .path("leakCase.history[*].by").entityList(String.class)
                .satisfies(by -> assertThat(by).doesNotContain(suspect.staffId().toString()));
    }

    private int eventsOf(UUID subject) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, subject.toString());
    }

    /** Exactly one error, of that classification, whose message contains the part: the same answer every time. */
    static void refused(GraphQlTester.Response response, String classification, String messagePart) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo(classification);
            assertThat(error.getMessage()).contains(messagePart);
        }));
    }
}
