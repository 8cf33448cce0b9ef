package com.matchmaking.app.consent;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent ledger over real HTTP: the configured policy is the first published version; an administrator
 * publishes a new one, and members must accept it before their next use, while reading and accepting the policy,
 * taking their data, seeing who looked at it, withdrawing consent and leaving stay open to them. Withdrawing is one
 * call, like granting, and the ledger keeps every step with its policy version. Not in the suite's shared application:
 * publishing a version would hold every other test's members at the gate. The second test publishes after the first.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentLedgerTest extends IsolatedIntegrationTest {

    private static final String NEW_VERSION = "2027-01";

    @Test
    @Order(1)
    void membersAcceptANewPolicyVersionBeforeTheirNextUseButKeepTheirRights() {
        assertThat(policyHistory()).extracting(p -> p.get("version")).containsExactly("2026-11");
        assertThat(policyHistory().get(0).get("publishedAt")).as("the configured version is published at start-up").isNotNull();
        assertThat((String) policyHistory().get(0).get("text")).startsWith("The configured policy text of this test.");

        Api.Registered member = api().register(TestMembers.fresh());
        GraphQlTester me = api().as(member.token());
        me.documentName("me").execute().path("me.acceptedPrivacyPolicyVersion").entity(String.class).isEqualTo("2026-11");

        Staffing staffing = new Staffing(api());
        api().as(staffing.adminToken()).documentName("publishPrivacyPolicy").variable("version", NEW_VERSION)
                .variable("text", "Version 2027-01: we now also keep a register of every share with third parties.")
                .execute().path("publishPrivacyPolicy.version").entity(String.class).isEqualTo(NEW_VERSION);
        api().anonymous().documentName("privacyPolicy").execute().path("privacyPolicy.version").entity(String.class)
                .isEqualTo(NEW_VERSION);
        assertThat(policyHistory()).extracting(p -> p.get("version")).containsExactly(NEW_VERSION, "2026-11");

        // Held at the gate, with a message that names the problem.
        for (String gated : List.of("me", "updateMyPreferences")) {
            GraphQlTester.Request<?> request = me.documentName(gated);
            if (gated.equals("updateMyPreferences")) {
                request = request.variable("input", Map.of("heightCm", Map.of("min", 170, "required", false)));
            }
            request.execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
                assertThat(e.getMessage()).contains("privacy policy", NEW_VERSION, "acceptPrivacyPolicy");
            }));
        }
        me.documentName("grantConsent").variable("purpose", "PERSONALISED_RECOMMENDATIONS").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        // Rights that never depend on the policy stay open.
        me.documentName("privacyPolicy").execute().path("privacyPolicy.version").entity(String.class).isEqualTo(NEW_VERSION);
        assertThat(api().export(member.token())).containsKey("history");
        me.documentName("myAccessLog").execute().path("myAccessLog").hasValue();
        me.documentName("myConsents").execute().path("myConsents").hasValue();
        me.documentName("myErasureStatus").execute().path("myErasureStatus.state").entity(String.class).isEqualTo("NONE");
        me.documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA").execute()
                .path("withdrawConsent[?(@.purpose == 'SENSITIVE_DATA')].granted").entityList(Boolean.class).containsExactly(false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject_id = ? AND key_group = 'sensitive' "
                + "AND wrapped_keyset IS NULL", Integer.class, member.memberId()))
                .as("the withdrawal still stops what depended on it: the sensitive key group is shredded").isOne();

        me.documentName("acceptPrivacyPolicy").variable("version", "2026-11").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains(NEW_VERSION);
                }));
        me.documentName("acceptPrivacyPolicy").variable("version", NEW_VERSION).execute()
                .path("acceptPrivacyPolicy.upToDate").entity(Boolean.class).isEqualTo(true)
                .path("acceptPrivacyPolicy.acceptedVersion").entity(String.class).isEqualTo(NEW_VERSION);

        me.documentName("me").execute().path("me.acceptedPrivacyPolicyVersion").entity(String.class).isEqualTo(NEW_VERSION);
        me.documentName("grantConsent").variable("purpose", "PERSONALISED_RECOMMENDATIONS").execute()
                .path("grantConsent[?(@.purpose == 'PERSONALISED_RECOMMENDATIONS')].policyVersion").entityList(String.class)
                .containsExactly(NEW_VERSION);
        me.documentName("withdrawConsent").variable("purpose", "PERSONALISED_RECOMMENDATIONS").execute()
                .path("withdrawConsent[?(@.purpose == 'PERSONALISED_RECOMMENDATIONS')].granted").entityList(Boolean.class)
                .containsExactly(false);

        List<Map<String, Object>> ledger = consentHistory(me);
        List<String> steps = new ArrayList<>();
        for (Map<String, Object> entry : ledger) {
            steps.add(entry.get("action") + " " + entry.get("purpose") + " " + entry.get("policyVersion"));
        }
        assertThat(steps).containsExactly(
                "POLICY_ACCEPTED null 2026-11",
                "GRANTED SENSITIVE_DATA 2026-11",
                "WITHDRAWN SENSITIVE_DATA null",
                "POLICY_ACCEPTED null " + NEW_VERSION,
                "GRANTED PERSONALISED_RECOMMENDATIONS " + NEW_VERSION,
                "WITHDRAWN PERSONALISED_RECOMMENDATIONS null");
        assertThat(ledger).allSatisfy(entry -> assertThat(entry.get("at")).isNotNull());
    }

    @Test
    @Order(2)
    void registrationNeedsTheCurrentVersionAndAVersionIsPublishedOnce() {
        Staffing staffing = new Staffing(api());
        String version = "2027-02";
        api().as(staffing.adminToken()).documentName("publishPrivacyPolicy").variable("version", version)
                .variable("text", "Version 2027-02 of the policy, published by the test.").execute()
                .path("publishPrivacyPolicy.version").entity(String.class).isEqualTo(version);
        api().as(staffing.adminToken()).documentName("publishPrivacyPolicy").variable("version", version)
                .variable("text", "The same version again, with other words.").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        Map<String, Object> stale = new HashMap<>(TestMembers.fresh().input());
        api().anonymous().documentName("registerMember").variable("input", stale).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("acceptedPrivacyPolicyVersion");
                }));

        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> current = new HashMap<>(data.input());
        current.put("acceptedPrivacyPolicyVersion", version);
        api().anonymous().documentName("registerMember").variable("input", current).execute()
                .path("registerMember.memberId").hasValue();
        String token = api().confirm(data.email());
        api().as(token).documentName("me").execute().path("me.acceptedPrivacyPolicyVersion").entity(String.class)
                .isEqualTo(version);
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void anAcceptanceRecordsTheLanguageAndTheHashOfTheExactTextShown() {
        // Registration accepts the current version as shown in the request's language.
        Api english = api().inLanguage("en");
        Map<String, Object> shownAtRegistration = policy(english);
        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(data.input());
        input.put("acceptedPrivacyPolicyVersion", shownAtRegistration.get("version"));
        english.anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").hasValue();
        String token = english.confirm(data.email());
        assertThat((Map<String, Object>) english.export(token).get("acceptedPrivacyPolicy"))
                .containsEntry("version", shownAtRegistration.get("version")).containsEntry("language", "en")
                .containsEntry("textHash", shownAtRegistration.get("textHash"));

        // A new version, with the agency's text in each language.
        String version = "2027-03";
        api().as(new Staffing(api()).adminToken()).documentName("publishPrivacyPolicy").variable("version", version)
                .variable("text", "[zh-CN]\n第三版：我们开始记录您阅读隐私政策所用的语言。\n[en]\nVersion three: we now record the "
                        + "language you read the policy in.").execute().path("publishPrivacyPolicy.version").hasValue();
        Map<String, Object> chinese = policy(api().inLanguage("zh-CN"));
        assertThat((String) chinese.get("text")).startsWith("第三版").doesNotContain("Version three");
        assertThat((String) policy(english).get("text")).startsWith("Version three").doesNotContain("第三版");

        // A hash of another text than the current one: refused, nothing recorded.
        GraphQlTester me = english.as(token);
        me.documentName("acceptPrivacyPolicyShown").variable("version", version).variable("language", "zh-CN")
                .variable("textHash", shownAtRegistration.get("textHash")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(e.getMessage()).isEqualTo("The privacy policy text changed since you read it; read privacyPolicy again");
                }));
        assertThat(consentHistory(me)).noneMatch(entry -> version.equals(entry.get("policyVersion")));

        // Read in Chinese, accepted in Chinese: the language and the exact text's hash are recorded.
        me.documentName("acceptPrivacyPolicyShown").variable("version", version).variable("language", "zh-CN")
                .variable("textHash", chinese.get("textHash")).execute()
                .path("acceptPrivacyPolicy.upToDate").entity(Boolean.class).isEqualTo(true)
                .path("acceptPrivacyPolicy.language").entity(String.class).isEqualTo("zh-CN")
                .path("acceptPrivacyPolicy.textHash").entity(String.class).isEqualTo((String) chinese.get("textHash"));
        List<String> acceptances = consentHistory(me).stream().filter(e -> "POLICY_ACCEPTED".equals(e.get("action")))
                .map(e -> e.get("policyVersion") + " " + e.get("language") + " " + e.get("textHash")).toList();
        assertThat(acceptances).containsExactly(
                shownAtRegistration.get("version") + " en " + shownAtRegistration.get("textHash"),
                version + " zh-CN " + chinese.get("textHash"));
        assertThat((Map<String, Object>) english.export(token).get("acceptedPrivacyPolicy"))
                .containsEntry("version", version).containsEntry("language", "zh-CN")
                .containsEntry("textHash", chinese.get("textHash"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> policy(Api api) {
        return api.anonymous().documentName("privacyPolicy").execute().path("privacyPolicy").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> policyHistory() {
        return api().anonymous().documentName("privacyPolicyHistory").execute().path("privacyPolicyHistory")
                .entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> consentHistory(GraphQlTester member) {
        return member.documentName("myConsentHistory").execute().path("myConsentHistory").entity(List.class).get();
    }
}
