package com.matchmaking.app.security;

import com.matchmaking.app.risk.RiskProperties;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static com.matchmaking.app.security.InjectionDefenceTest.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payloads of {@link InjectionDefenceTest} through the compliance inputs: privacy-policy versions and text, legal
 * holds, third-party shares and risk-alert notes. Not in the suite's shared application, because publishing a policy
 * gates every member; in {@link IsolatedIntegrationTest}'s, whose low failed-login threshold raises alerts quickly.
 */
@Order(11)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceInjectionDefenceTest extends IsolatedIntegrationTest {

    /** Publishing a policy gates every member, so it runs after the tests whose members must not be held. */
    private static final int LAST = Integer.MAX_VALUE;

    @Autowired
    RiskProperties risk;

    private Staffing staffing;
    private Staffing.StaffMember compliance;

    @BeforeAll
    void staff() {
        staffing = new Staffing(api());
        compliance = cleared(Role.COMPLIANCE);
    }

    @Test
    @Order(LAST)
    void policyTextIsStoredLiterallyAndAVersionPayloadIsRefusedWithoutPublishingAnything() {
        Api.Registered member = member();
        int versionsBefore = jdbc.queryForObject("SELECT count(*) FROM privacy_policy_version", Integer.class);
        int eventsBefore = eventCount();
        for (String payload : PAYLOADS) {
            assertRefused(api().as(staffing.adminToken()).documentName("publishPrivacyPolicy").variable("version", payload)
                    .variable("text", "A policy text long enough to be published.").execute(), "BAD_REQUEST");
            assertRefused(api().as(member.token()).documentName("acceptPrivacyPolicy").variable("version", payload).execute(),
                    "BAD_REQUEST");
        }
        assertThat(eventCount()).as("refused inputs store nothing").isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM privacy_policy_version", Integer.class)).isEqualTo(versionsBefore);

        int n = 0;
        for (String payload : PAYLOADS) {
            String version = "inj-" + n++;
            String text = "Policy text holding " + payload;
            api().as(staffing.adminToken()).documentName("publishPrivacyPolicy").variable("version", version)
                    .variable("text", text).execute().path("publishPrivacyPolicy.version").entity(String.class).isEqualTo(version);
            api().anonymous().documentName("privacyPolicy").execute()
                    .path("privacyPolicy.text").entity(String.class).satisfies(t -> assertThat(t).startsWith(text));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('account', 'domain_event_entry')", Integer.class)).as("no table was dropped").isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void holdReasonsAndShareRecipientsAndPurposesAreStoredLiterally() {
        for (String payload : PAYLOADS) {
            Api.Registered member = member();
            String reason = "Court order " + payload;
            api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", member.memberId().toString())
                    .variable("reason", reason).execute().path("placeLegalHold.reason").entity(String.class).isEqualTo(reason);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(holds())
                    .anySatisfy(h -> assertThat(h).containsEntry("memberId", member.memberId().toString())
                            .containsEntry("reason", reason)));

            String recipient = "Recipient " + payload;
            String purpose = "Purpose " + payload;
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, member.memberId()) == 1);
            // One requester per share: the export-volume rule would suspend one who asked for them all.
            Staffing.StaffMember service = cleared(Role.CUSTOMER_SERVICE);
            api().as(service.token()).documentName("requestDataShare").variable("memberId", member.memberId().toString())
                    .variable("recipient", recipient).variable("purpose", purpose).variable("fields", List.of("CITY"))
                    .execute()
                    .path("requestDataShare.recipient").entity(String.class).isEqualTo(recipient)
                    .path("requestDataShare.purpose").entity(String.class).isEqualTo(purpose);
            List<Map<String, Object>> shares = api().as(member.token()).documentName("myDataShares").execute()
                    .path("myDataShares").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(shares).singleElement().satisfies(s -> assertThat(s).containsEntry("recipient", recipient)
                    .containsEntry("purpose", purpose));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertNotesAreStoredLiterally() {
        for (String payload : PAYLOADS) {
            Staffing.StaffMember analyst = cleared(Role.ANALYST);
            for (int i = 0; i <= risk.failedLogins(); i++) {
                api().anonymous().documentName("login").variable("username", analyst.username())
                        .variable("password", "not the password " + i).execute().errors().satisfy(e -> assertThat(e).hasSize(1));
            }
            AtomicReference<Map<String, Object>> alert = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                List<Map<String, Object>> open = new ArrayList<>();
                api().as(compliance.token()).documentName("alerts").variable("status", "OPEN").execute()
                        .path("alerts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m)
                        .filter(a -> a.get("accountId").equals(analyst.staffId().toString())).forEach(open::add);
                open.stream().findFirst().ifPresent(alert::set);
                return !open.isEmpty();
            });
            String note = "Checked: " + payload;
            api().as(compliance.token()).documentName("resolveAlert").variable("alertId", alert.get().get("alertId"))
                    .variable("decision", "REINSTATE").variable("note", note).execute()
                    .path("resolveAlert.note").entity(String.class).isEqualTo(note);
            // The alerts read model follows the resolution a moment later.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api().as(compliance.token())
                    .documentName("alerts").variable("status", "RESOLVED").execute().path("alerts").entityList(Map.class).get())
                    .anySatisfy(a -> assertThat(a).containsEntry("alertId", alert.get().get("alertId")).containsEntry("note", note)));
        }
    }

    /**
     * A fresh member accepting the current privacy policy: this class runs after ConsentLedgerTest published another
     * than the configured one that TestMembers accept.
     */
    private Api.Registered member() {
        TestMembers.Member member = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(member.input());
        input.put("acceptedPrivacyPolicyVersion", api().anonymous().documentName("privacyPolicy").execute()
                .path("privacyPolicy.version").entity(String.class).get());
        String id = api().anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").entity(String.class).get();
        return new Api.Registered(UUID.fromString(id), api().confirm(member.email()), member);
    }

    /** Cleared with training on the clock's date: the class runs after retention moved the clock a year on. */
    private Staffing.StaffMember cleared(Role role) {
        Staffing.StaffMember staff = staffing.cleared(role);
        staffing.recordTraining(staff.staffId(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return staff;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> holds() {
        return api().as(compliance.token()).documentName("legalHolds").execute().path("legalHolds").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static void assertRefused(GraphQlTester.Response response, String classification) {
        List<String> kinds = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> kinds.add(String.valueOf(e.getErrorType()))));
        assertThat(kinds).isNotEmpty().containsOnly(classification);
    }
}
