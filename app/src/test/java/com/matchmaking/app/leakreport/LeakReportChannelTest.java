package com.matchmaking.app.leakreport;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Any staff member reports a suspected leak; who they are stays encrypted and in no metadata, compliance works the
 * case to closure, and every full reading of it is recorded on the case.
 */
class LeakReportChannelTest extends IntegrationTest {

    @Test
    void anUnclearedStaffMemberReportsAndOnlyComplianceLearnsWhoInTheCaseItself() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember reporter = staffing.uncleared(Role.ANALYST);
        Staffing.StaffMember suspect = staffing.cleared(Role.CUSTOMER_SERVICE);
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        String description = "Saw member data pasted into a chat group, marker lk" + reporter.staffId().toString().substring(0, 8);

        String reportId = api().as(reporter.token()).documentName("fileLeakReport").variable("input", Map.of(
                "category", "MISUSE_OF_ACCESS", "description", description, "suspectedStaffId", suspect.staffId().toString()))
                .execute().path("fileLeakReport.reportId").entity(String.class).get();

        byte[] stored = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                byte[].class, reportId);
        byte[] metadata = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                byte[].class, reportId);
        String storedText = new String(stored, StandardCharsets.UTF_8) + new String(metadata, StandardCharsets.UTF_8);
        assertThat(storedText).doesNotContain(reporter.staffId().toString(), suspect.staffId().toString(), description)
                .contains("confidential");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> api().as(compliance.token()).documentName("leakCases")
                .variable("status", "OPEN").execute().path("leakCases[?(@.reportId == '" + reportId + "')].category")
                .entityList(String.class).containsExactly("MISUSE_OF_ACCESS"));

        GraphQlTester asCompliance = api().as(compliance.token());
        asCompliance.documentName("leakCase").variable("reportId", reportId).execute()
                .path("leakCase.reporterId").entity(String.class).isEqualTo(reporter.staffId().toString())
                .path("leakCase.description").entity(String.class).isEqualTo(description)
                .path("leakCase.suspectedStaffId").entity(String.class).isEqualTo(suspect.staffId().toString())
                .path("leakCase.history[*].what").entityList(String.class).containsExactly("FILED", "VIEWED");

        asCompliance.documentName("startLeakInvestigation").variable("reportId", reportId).execute()
                .path("startLeakInvestigation.status").entity(String.class).isEqualTo("INVESTIGATING");
        asCompliance.documentName("addLeakCaseNote").variable("reportId", reportId)
                .variable("note", "Interviewed the team lead").execute()
                .path("addLeakCaseNote.history[*].what").entityList(String.class).contains("NOTE");
        asCompliance.documentName("closeLeakCase").variable("reportId", reportId).variable("outcome", "SUBSTANTIATED")
                .variable("note", "Access revoked, training repeated").execute()
                .path("closeLeakCase.status").entity(String.class).isEqualTo("CLOSED")
                .path("closeLeakCase.outcome").entity(String.class).isEqualTo("SUBSTANTIATED");
        asCompliance.documentName("addLeakCaseNote").variable("reportId", reportId).variable("note", "Too late").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        List<String> viewers = asCompliance.documentName("leakCase").variable("reportId", reportId).execute()
                .path("leakCase.history[?(@.what == 'VIEWED')].by").entityList(String.class).get();
        assertThat(viewers).hasSize(2).containsOnly(compliance.staffId().toString());
    }

    @Test
    void aReportNeedsACategoryAndADescriptionAndStoresNothingOtherwise() {
        Staffing.StaffMember reporter = new Staffing(api()).uncleared(Role.MATCHMAKER);
        int before = eventCount();

        api().as(reporter.token()).documentName("fileLeakReport").variable("input", Map.of("category", "OTHER", "description", "short"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("description").doesNotContain("short");
                }));
        assertThat(eventCount()).isEqualTo(before);
    }
}
