package com.matchmaking.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SQL-injection and script payloads through every string input of the API. Each is stored as nothing but its literal
 * value and comes back, JSON-encoded, exactly as given; where a format is required it is refused and nothing is
 * stored; in filters and logins it matches nothing and changes no query. A schema walk makes sure no string input is
 * left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionDefenceTest extends IntegrationTest {

    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "Robert'); DROP TABLE account; --",
            "\"; DELETE FROM domain_event_entry; --",
            "1; SELECT pg_sleep(3); --",
            "x' UNION SELECT login_index, password_hash FROM account --",
            "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>",
            "{{7*7}} ${jndi:ldap://example.invalid/a} %s %n",
            "back\\slash \\\\ and 'quotes' \"double\"",
            "汉字 😀 \u200b zero-width");

    /**
     * Every string input of the schema ("Type.field.argument" or "Type.field.argument.inputField") and the test that
     * covers it. The schema walk below fails when an input appears that is not listed here.
     */
    static final Set<String> COVERED = new TreeSet<>(List.of(
            "Mutation.login.username", "Mutation.login.password",
            "Mutation.confirmEmail.email", "Mutation.confirmEmail.code",
            "Mutation.changePassword.currentPassword", "Mutation.changePassword.newPassword",
            "Mutation.requestPasswordReset.email",
            "Mutation.resetPassword.email", "Mutation.resetPassword.code", "Mutation.resetPassword.newPassword",
            "Mutation.registerMember.input.email", "Mutation.registerMember.input.password",
            "Mutation.registerMember.input.fullName", "Mutation.registerMember.input.phone",
            "Mutation.registerMember.input.city", "Mutation.registerMember.input.acceptedPrivacyPolicyVersion",
            "Mutation.registerMember.input.occupation", "Mutation.registerMember.input.aboutMe",
            "Mutation.registerMember.input.wechatId",
            "Mutation.updateMyProfile.input.email", "Mutation.updateMyProfile.input.fullName",
            "Mutation.updateMyProfile.input.phone", "Mutation.updateMyProfile.input.city",
            "Mutation.updateMyProfile.input.occupation", "Mutation.updateMyProfile.input.aboutMe",
            "Mutation.updateMyProfile.input.wechatId", "Mutation.confirmEmailChange.code",
            "Mutation.updateMyPreferences.input.cities.accepted",
            "Mutation.submitIdNumber.idNumber",
            "Mutation.createStaff.input.username", "Mutation.createStaff.input.password",
            "Mutation.createStaff.input.displayName",
            "Mutation.recordConfidentialityAgreement.version",
            "Mutation.revealField.reason",
            "Mutation.fileLeakReport.input.description",
            "Mutation.addLeakCaseNote.note", "Mutation.closeLeakCase.note",
            "Query.memberCards.filter.city", "Query.memberCards.filter.status", "Query.memberCards.after",
            "Query.privacyPolicy.language", "Mutation.acceptPrivacyPolicy.language", "Mutation.acceptPrivacyPolicy.textHash",
            "Mutation.registerMember.input.acceptedPrivacyPolicyLanguage",
            "Mutation.registerMember.input.acceptedPrivacyPolicyTextHash",
            // ComplianceInjectionDefenceTest
            "Mutation.publishPrivacyPolicy.version", "Mutation.publishPrivacyPolicy.text",
            "Mutation.acceptPrivacyPolicy.version", "Mutation.placeLegalHold.reason",
            "Mutation.requestDataShare.recipient", "Mutation.requestDataShare.purpose", "Mutation.resolveAlert.note",
            // MatchmakingInjectionDefenceTest
            "Mutation.proposeIntroduction.note", "Mutation.recordMeeting.place", "Mutation.giveIntroductionFeedback.text",
            "Mutation.suspendMember.reason", "Mutation.addConsultationNote.text"));

    private Staffing staffing;
    private Staffing.StaffMember matchmaker;
    private Staffing.StaffMember service;
    private Staffing.StaffMember compliance;

    @BeforeAll
    void staff() {
        staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
        compliance = staffing.cleared(Role.COMPLIANCE);
    }

    @Test
    void everyStringInputOfTheSchemaIsCovered() throws Exception {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (var file : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        Set<String> inputs = new TreeSet<>();
        for (String root : List.of("Query", "Mutation")) {
            List<FieldDefinition> fields = new ArrayList<>(
                    registry.getType(root, ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions());
            registry.objectTypeExtensions().getOrDefault(root, List.of()).forEach(e -> fields.addAll(e.getFieldDefinitions()));
            for (FieldDefinition field : fields) {
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    collect(registry, root + "." + field.getName() + "." + argument.getName(), argument.getType(), inputs, 0);
                }
            }
        }
        assertThat(inputs).as("string inputs of the schema").isNotEmpty();
        Set<String> uncovered = new TreeSet<>(inputs);
        uncovered.removeAll(COVERED);
        assertThat(uncovered).as("string inputs no test sends payloads through").isEmpty();
    }

    private static void collect(TypeDefinitionRegistry registry, String path, Type<?> type, Set<String> out, int depth) {
        if (type instanceof NonNullType nonNull) {
            collect(registry, path, nonNull.getType(), out, depth);
        } else if (type instanceof ListType list) {
            collect(registry, path, list.getType(), out, depth);
        } else if (type instanceof TypeName name) {
            if (name.getName().equals("String")) {
                out.add(path);
            } else if (depth < 4) {
                registry.getType(name.getName(), InputObjectTypeDefinition.class).ifPresent(input ->
                        input.getInputValueDefinitions().forEach(field ->
                                collect(registry, path + "." + field.getName(), field.getType(), out, depth + 1)));
            }
        }
    }

    @Test
    void freeTextIsStoredLiterallyAndComesBackExactlyAsGiven() {
        for (String payload : PAYLOADS) {
            TestMembers.Member data = TestMembers.fresh();
            Map<String, Object> input = new HashMap<>(data.input());
            input.put("fullName", payload);
            input.put("city", payload);
            input.put("occupation", payload);
            input.put("aboutMe", payload);
            String id = api().anonymous().documentName("registerMember").variable("input", input).execute()
                    .path("registerMember.memberId").entity(String.class).get();
            String token = api().confirm(data.email());
            GraphQlTester as = api().as(token);

            as.documentName("me").execute()
                    .path("me.fullName").entity(String.class).isEqualTo(payload)
                    .path("me.city").entity(String.class).isEqualTo(payload)
                    .path("me.occupation").entity(String.class).isEqualTo(payload)
                    .path("me.aboutMe").entity(String.class).isEqualTo(payload);
            as.documentName("updateMyProfile").variable("input", Map.of("aboutMe", payload + "!", "fullName", payload + "?",
                    "occupation", payload + ".", "city", payload + ",")).execute()
                    .path("updateMyProfile.aboutMe").entity(String.class).isEqualTo(payload + "!")
                    .path("updateMyProfile.fullName").entity(String.class).isEqualTo(payload + "?")
                    .path("updateMyProfile.city").entity(String.class).isEqualTo(payload + ",");
            as.documentName("updateMyPreferences").variable("input", Map.of("cities", Map.of("accepted", List.of(payload),
                    "required", false))).execute()
                    .path("updateMyPreferences.cities.accepted[0]").entity(String.class).isEqualTo(payload);

            staffing.assign(java.util.UUID.fromString(id), matchmaker.staffId());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> api().as(matchmaker.token()).documentName("memberProfile")
                    .variable("memberId", id).execute().path("memberProfile.city").entity(String.class).isEqualTo(payload + ","));
            api().as(service.token()).documentName("revealField").variable("memberId", id).variable("field", "FULL_NAME")
                    .variable("reason", "Reason " + payload).execute()
                    .path("revealField").entity(String.class).isEqualTo(payload + "?");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> accessLog = (List<Map<String, Object>>) api().export(token).get("accessLog");
            assertThat(accessLog).anySatisfy(a -> assertThat(((Map<?, ?>) a.get("values")).get("reason"))
                    .isEqualTo("Reason " + payload));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('account', 'domain_event_entry')", Integer.class)).as("no table was dropped").isEqualTo(2);
    }

    @Test
    void staffAndComplianceTextIsStoredLiterallyToo() {
        for (String payload : PAYLOADS) {
            String username = "inj." + Integer.toHexString(payload.hashCode() & 0xffffff) + "." + System.nanoTime() % 100000;
            String staffId = api().as(staffing.adminToken()).documentName("createStaff").variable("input", Map.of(
                    "username", username, "password", payload + " long enough", "displayName", payload,
                    "roles", List.of("ANALYST"))).execute()
                    .path("createStaff.displayName").entity(String.class).isEqualTo(payload)
                    .path("createStaff.staffId").entity(String.class).get();
            assertThat(api().login(username, payload + " long enough")).isNotBlank();
            String version = payload.length() > 40 ? payload.substring(0, 40) : payload;
            api().as(staffing.adminToken()).documentName("recordConfidentialityAgreement").variable("staffId", staffId)
                    .variable("version", version).variable("signedOn", java.time.LocalDate.now().toString()).execute()
                    .path("recordConfidentialityAgreement.agreementVersion").entity(String.class).isEqualTo(version.strip());

            String report = api().as(service.token()).documentName("fileLeakReport").variable("input",
                    Map.of("category", "OTHER", "description", "Report: " + payload)).execute()
                    .path("fileLeakReport.reportId").entity(String.class).get();
            api().as(compliance.token()).documentName("addLeakCaseNote").variable("reportId", report)
                    .variable("note", "Note " + payload).execute()
                    .path("addLeakCaseNote.history[1].note").entity(String.class).isEqualTo("Note " + payload);
            api().as(compliance.token()).documentName("closeLeakCase").variable("reportId", report)
                    .variable("outcome", "NOT_SUBSTANTIATED").variable("note", "Closed " + payload).execute()
                    .path("closeLeakCase.status").entity(String.class).isEqualTo("CLOSED");
            api().as(compliance.token()).documentName("leakCase").variable("reportId", report).execute()
                    .path("leakCase.description").entity(String.class).isEqualTo("Report: " + payload)
                    .path("leakCase.history[?(@.what == 'CLOSED')].note").entityList(String.class)
                    .containsExactly("Closed " + payload);
        }
    }

    @Test
    void inputsWithAFormatRefuseThePayloadsAndStoreNothing() {
        int eventsBefore = eventCount();
        for (String payload : PAYLOADS) {
            TestMembers.Member data = TestMembers.fresh();
            for (String field : List.of("email", "phone", "wechatId", "acceptedPrivacyPolicyVersion", "password")) {
                Map<String, Object> input = new HashMap<>(data.input());
                input.put(field, field.equals("password") ? payload.substring(0, Math.min(5, payload.length())) : payload);
                assertRefused(api().anonymous().documentName("registerMember").variable("input", input).execute(), "BAD_REQUEST");
            }
            Api.Registered member = api().register(data);
            eventsBefore = eventCount();
            for (String field : List.of("email", "phone", "wechatId")) {
                assertRefused(api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of(field, payload))
                        .execute(), "BAD_REQUEST");
            }
            assertRefused(api().as(member.token()).documentName("submitIdNumber").variable("idNumber", payload).execute(),
                    "BAD_REQUEST");
            assertRefused(api().as(member.token()).documentName("confirmEmailChange").variable("code", payload).execute(),
                    "BAD_REQUEST");
            assertRefused(api().as(staffing.adminToken()).documentName("createStaff").variable("input", Map.of("username",
                    payload, "password", "a long staff password", "displayName", "X", "roles", List.of("ANALYST"))).execute(),
                    "BAD_REQUEST");
            assertThat(eventCount()).isEqualTo(eventsBefore);
        }
    }

    @Test
    void inFiltersAndLoginsThePayloadsMatchNothingAndChangeNoQuery() {
        Api.Registered member = api().register(TestMembers.fresh());
        staffing.assign(member.memberId(), matchmaker.staffId());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE matchmaker_id = ?", Integer.class, matchmaker.staffId()) > 0);
        for (String payload : PAYLOADS) {
            for (Staffing.StaffMember staff : List.of(matchmaker, service)) {
                for (String filter : List.of("city", "status")) {
                    api().as(staff.token()).documentName("memberCards").variable("filter", Map.of(filter, payload)).execute()
                            .path("memberCards.cards").entityList(Object.class).hasSize(0);
                }
            }
            assertRefused(api().as(matchmaker.token()).documentName("memberCards").variable("after", payload).execute(),
                    "BAD_REQUEST");
            assertRefused(api().anonymous().documentName("login").variable("username", payload).variable("password", payload)
                    .execute(), "UNAUTHORIZED");
            assertRefused(api().anonymous().documentName("login").variable("username", member.data().email())
                    .variable("password", payload).execute(), "UNAUTHORIZED");
            assertRefused(api().anonymous().documentName("confirmEmail").variable("email", payload).variable("code", payload)
                    .execute(), "UNAUTHORIZED");
            assertRefused(api().anonymous().documentName("confirmEmail").variable("email", member.data().email())
                    .variable("code", payload).execute(), "UNAUTHORIZED");
            api().anonymous().documentName("requestPasswordReset").variable("email", payload).execute()
                    .path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);
            assertRefused(api().anonymous().documentName("resetPassword").variable("email", payload).variable("code", payload)
                    .variable("newPassword", "a long enough password").execute(), "UNAUTHORIZED");
            // As a new password a payload is a password like any other (refused only when too short): with a wrong
            // code or current password nothing changes.
            assertRefused(api().anonymous().documentName("resetPassword").variable("email", member.data().email())
                    .variable("code", "12345678").variable("newPassword", payload).execute(),
                    payload.length() < 10 ? "BAD_REQUEST" : "UNAUTHORIZED");
            assertRefused(api().as(member.token()).documentName("changePassword").variable("currentPassword", payload)
                    .variable("newPassword", payload.length() < 10 ? payload + " long enough" : payload).execute(),
                    "UNAUTHORIZED");
        }
        api().as(matchmaker.token()).documentName("memberCards").execute().path("memberCards.cards").entityList(Object.class)
                .hasSizeGreaterThan(0);
    }

    @Test
    void aPolicyLanguageOrTextHashPayloadIsRefusedWithoutEchoAndStoresNothing() {
        Api.Registered member = api().register(TestMembers.fresh());
        String version = api().anonymous().documentName("privacyPolicy").execute().path("privacyPolicy.version")
                .entity(String.class).get();
        for (String payload : PAYLOADS) {
            int eventsBefore = eventCount();
            assertRefusedWithoutEcho(api().anonymous().documentName("privacyPolicy").variable("language", payload).execute(),
                    "BAD_REQUEST", payload);
            Map<String, Object> badLanguage = new HashMap<>(TestMembers.fresh().input());
            badLanguage.put("acceptedPrivacyPolicyLanguage", payload);
            assertRefusedWithoutEcho(api().anonymous().documentName("registerMember").variable("input", badLanguage).execute(),
                    "BAD_REQUEST", payload);
            Map<String, Object> badHash = new HashMap<>(TestMembers.fresh().input());
            badHash.put("acceptedPrivacyPolicyTextHash", payload);
            assertRefusedWithoutEcho(api().anonymous().documentName("registerMember").variable("input", badHash).execute(),
                    "CONFLICT", payload);
            GraphQlTester me = api().as(member.token());
            assertRefusedWithoutEcho(me.documentName("acceptPrivacyPolicyShown").variable("version", version)
                    .variable("language", payload).execute(), "BAD_REQUEST", payload);
            assertRefusedWithoutEcho(me.documentName("acceptPrivacyPolicyShown").variable("version", version)
                    .variable("textHash", payload).execute(), "CONFLICT", payload);
            assertThat(eventCount()).as("nothing stored for %s", payload).isEqualTo(eventsBefore);
        }
    }

    private static void assertRefusedWithoutEcho(GraphQlTester.Response response, String classification, String payload) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(String.valueOf(e.getErrorType())).isEqualTo(classification);
            assertThat(e.getMessage()).doesNotContain(payload);
        }));
    }

    @Test
    void scriptComesBackAsJsonTextNeverAsMarkup() throws Exception {
        String script = "<script>alert('x')</script>";
        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(data.input());
        input.put("aboutMe", script);
        api().anonymous().documentName("registerMember").variable("input", input).execute().path("registerMember").hasValue();
        String token = api().confirm(data.email());

        var response = Api.client().baseUrl("http://localhost:" + port).build().post().uri("/graphql")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { aboutMe } }")).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().returnResult();
        MediaType type = response.getResponseHeaders().getContentType();
        assertThat(type).isNotNull();
        assertThat(type.getSubtype()).contains("json");
        JsonNode body = new ObjectMapper().readTree(response.getResponseBody());
        assertThat(body.at("/data/me/aboutMe").textValue()).isEqualTo(script);
    }

    private static void assertRefused(GraphQlTester.Response response, String classification) {
        List<String> kinds = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> kinds.add(String.valueOf(e.getErrorType()))));
        assertThat(kinds).isNotEmpty().containsOnly(classification);
    }
}
