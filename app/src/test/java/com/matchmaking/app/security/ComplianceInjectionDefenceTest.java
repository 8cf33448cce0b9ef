package com.matchmaking.app.security;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.matchmaking.app.security.InjectionDefenceTest.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payloads of {@link InjectionDefenceTest} through the compliance inputs: privacy-policy versions and text, legal
 * holds, third-party shares and risk-alert notes. A context of its own, because publishing a policy gates every member
 * and the failed-login threshold is lowered to raise alerts quickly.
 */
@TestPropertySource(properties = "matchmaking.risk.failed-logins=1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceInjectionDefenceTest extends IntegrationTest {

    /** Publishing a policy gates every member, so it runs after the tests whose members must not be held. */
    private static final int LAST = Integer.MAX_VALUE;

    private Staffing staffing;
    private Staffing.StaffMember service;
    private Staffing.StaffMember compliance;

    @BeforeAll
    void staff() {
        staffing = new Staffing(api());
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
        compliance = staffing.cleared(Role.COMPLIANCE);
    }

    @Test
    @Order(LAST)
    void policyTextIsStoredLiterallyAndAVersionPayloadIsRefusedWithoutPublishingAnything() {
        Api.Registered member = api().register(TestMembers.fresh());
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
            Api.Registered member = api().register(TestMembers.fresh());
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
            Staffing.StaffMember analyst = staffing.cleared(Role.ANALYST);
            for (int i = 0; i < 2; i++) {
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
