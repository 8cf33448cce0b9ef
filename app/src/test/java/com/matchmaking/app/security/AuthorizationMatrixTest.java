package com.matchmaking.app.security;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TableAssertions;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.OperationRule;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The authorisation table, cell by cell, over real HTTP: every operation called anonymously and by every role. A
 * denied cell answers FORBIDDEN (UNAUTHORIZED when anonymous) with no data; an allowed cell is never refused for its
 * role, and a member profile comes back masked exactly as the table's field part says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    /** One call of an operation: its document, and variables that make sense for an allowed caller. */
    private record Call(String document, Function<Caller, Map<String, Object>> variables) {
    }

    /**
     * Who calls: a role (null for anonymous), and how to log in. A run of queries shares one session; every mutation
     * gets a fresh one and ends the shared one, since a mutation may end sessions (logout, a password change) or the
     * member (erasure). Logging in, or registering a member, for every query was most of this test's time.
     */
    private static final class Caller {
        private final Role role;
        private final Supplier<String> login;
        private String session;

        Caller(Role role, Supplier<String> login) {
            this.role = role;
            this.login = login;
        }

        Role role() {
            return role;
        }

        String tokenFor(String operation) {
            if (operation.startsWith("Query.")) {
                if (session == null) {
                    session = login.get();
                }
                return session;
            }
            session = null;
            return login.get();
        }

        @Override
        public String toString() {
            return role == null ? "anonymous" : role.name();
        }
    }

    private Staffing staffing;
    private Staffing.StaffMember matchmaker;
    private Api.Registered assignedMember;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final List<Caller> callers = new ArrayList<>();

    @BeforeAll
    void people() {
        staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        assignedMember = api().register(TestMembers.fresh());
        api().as(assignedMember.token()).documentName("updateMyPreferences")
                .variable("input", Map.of("heightCm", Map.of("min", 170, "required", false))).execute()
                .path("updateMyPreferences").hasValue();
        staffing.assign(assignedMember.memberId(), matchmaker.staffId());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM matchmaker_member_card m JOIN service_member_card s USING (member_id)
                WHERE member_id = ? AND m.matchmaker_id IS NOT NULL AND m.preferences IS NOT NULL
                """, Integer.class, assignedMember.memberId()) == 1);

        callers.add(new Caller(null, () -> null));
        // A member's own mutations change or erase them: every one gets a fresh member (Caller).
        callers.add(new Caller(Role.MEMBER, () -> api().register(TestMembers.fresh()).token()));
        // Staff log in afresh for every mutation: logout and a password change end the sessions they have.
        callers.add(new Caller(Role.MATCHMAKER, () -> staffing.login(matchmaker)));
        for (Role role : EnumSet.of(Role.CUSTOMER_SERVICE, Role.ANALYST, Role.COMPLIANCE, Role.ADMIN)) {
            Staffing.StaffMember staff = staffing.cleared(role);
            callers.add(new Caller(role, () -> staffing.login(staff)));
        }

        String member = assignedMember.memberId().toString();
        call("Query.privacyPolicy", "privacyPolicy", c -> Map.of());
        call("Mutation.login", "login", c -> Map.of("username", Staffing.ADMIN_USERNAME,
                "password", Staffing.ADMIN_CHANGED_PASSWORD));
        call("Mutation.confirmEmail", "confirmEmail", c -> {
            TestMembers.Member pending = TestMembers.fresh();
            api().anonymous().documentName("registerMember").variable("input", pending.input()).execute()
                    .path("registerMember.memberId").hasValue();
            return Map.of("email", pending.email(), "code", TestMail.code(pending.email(), 1));
        });
        call("Mutation.requestPasswordReset", "requestPasswordReset", c -> Map.of("email", "nobody@example.com"));
        call("Mutation.resetPassword", "resetPassword", c -> {
            Api.Registered resetting = api().register(TestMembers.fresh());
            api().anonymous().documentName("requestPasswordReset").variable("email", resetting.data().email()).execute()
                    .path("requestPasswordReset").hasValue();
            return Map.of("email", resetting.data().email(), "code", TestMail.code(resetting.data().email(), 2),
                    "newPassword", "the matrix reset password");
        });
        // Too short a new password: allowed callers get BAD_REQUEST, and nobody's password changes.
        call("Mutation.changePassword", "changePassword", c -> Map.of("currentPassword", "whatever", "newPassword", "short"));
        call("Mutation.logout", "logout", c -> Map.of());
        call("Mutation.registerMember", "registerMember", c -> Map.of("input", TestMembers.fresh().input()));
        call("Query.me", "me", c -> Map.of());
        call("Query.myDataExport", "myDataExport", c -> Map.of());
        call("Query.myErasureStatus", "myErasureStatus", c -> Map.of());
        call("Query.myConsents", "myConsents", c -> Map.of());
        call("Mutation.updateMyProfile", "updateMyProfile", c -> Map.of("input", Map.of("city", "Matrix")));
        // A wrong code: a member gets BAD_REQUEST, and nothing changes.
        call("Mutation.confirmEmailChange", "confirmEmailChange", c -> Map.of("code", "00000000"));
        call("Mutation.updateMyPreferences", "updateMyPreferences",
                c -> Map.of("input", Map.of("genders", Map.of("accepted", List.of("MALE"), "required", true))));
        call("Mutation.requestErasure", "requestErasure", c -> Map.of());
        call("Mutation.cancelErasure", "cancelErasure", c -> Map.of());
        call("Mutation.grantConsent", "grantConsent", c -> Map.of("purpose", "THIRD_PARTY_SHARING"));
        call("Mutation.withdrawConsent", "withdrawConsent", c -> Map.of("purpose", "THIRD_PARTY_SHARING"));
        call("Mutation.submitIdNumber", "submitIdNumber", c -> Map.of("idNumber", "110101199003071233"));
        call("Query.staffAccounts", "staffAccounts", c -> Map.of());
        call("Mutation.createStaff", "createStaff", c -> Map.of("input", Map.of("username",
                "matrix." + UUID.randomUUID().toString().substring(0, 8), "password", "matrix-staff-password",
                "displayName", "Matrix", "roles", List.of("ANALYST"))));
        call("Mutation.changeStaffRoles", "changeStaffRoles", c -> Map.of("staffId", target(), "roles", List.of("COMPLIANCE")));
        call("Mutation.suspendStaff", "suspendStaff", c -> Map.of("staffId", target()));
        call("Mutation.reinstateStaff", "reinstateStaff", c -> Map.of("staffId", target()));
        call("Mutation.recordConfidentialityAgreement", "recordConfidentialityAgreement",
                c -> Map.of("staffId", target(), "version", "CA-2026", "signedOn", LocalDate.now().toString()));
        call("Mutation.recordPrivacyTraining", "recordPrivacyTraining",
                c -> Map.of("staffId", target(), "completedOn", LocalDate.now().toString()));
        call("Mutation.assignMatchmaker", "assignMatchmaker",
                c -> Map.of("memberId", member, "matchmakerId", matchmaker.staffId().toString()));
        call("Mutation.fileLeakReport", "fileLeakReport", c -> Map.of("input",
                Map.of("category", "OTHER", "description", "Checking the matrix of access for reports")));
        String report = api().as(staffing.login(matchmaker)).documentName("fileLeakReport").variable("input",
                        Map.of("category", "OTHER", "description", "A case for the matrix to work on"))
                .execute().path("fileLeakReport.reportId").entity(String.class).get();
        call("Query.leakCases", "leakCases", c -> Map.of());
        call("Query.leakCase", "leakCase", c -> Map.of("reportId", report));
        call("Mutation.startLeakInvestigation", "startLeakInvestigation", c -> Map.of("reportId", freshReport()));
        call("Mutation.addLeakCaseNote", "addLeakCaseNote", c -> Map.of("reportId", report, "note", "matrix note"));
        call("Mutation.closeLeakCase", "closeLeakCase",
                c -> Map.of("reportId", freshReport(), "outcome", "NOT_SUBSTANTIATED", "note", "matrix"));
        call("Query.demographics", "demographics", c -> Map.of("groupBy", List.of("CITY")));
        call("Query.memberCards", "memberCards", c -> Map.of());
        call("Query.memberProfile", "memberProfile", c -> Map.of("memberId", member));
        call("Mutation.revealField", "revealField",
                c -> Map.of("memberId", member, "field", "EMAIL", "reason", "Checking the matrix of access"));

        String nobody = UUID.randomUUID().toString();
        call("Query.myAccessLog", "myAccessLog", c -> Map.of());
        call("Query.myConsentHistory", "myConsentHistory", c -> Map.of());
        call("Query.myDataShares", "myDataShares", c -> Map.of());
        call("Query.privacyPolicyHistory", "privacyPolicyHistory", c -> Map.of());
        call("Mutation.acceptPrivacyPolicy", "acceptPrivacyPolicy", c -> Map.of("version", "2026-11"));
        call("Mutation.respondToDataShare", "respondToDataShare", c -> Map.of("shareId", nobody, "consent", false));
        // Publishing the version that is current already: allowed callers get a CONFLICT, and the shared database
        // keeps its policy (a new version would hold every other test's members at the policy gate).
        call("Mutation.publishPrivacyPolicy", "publishPrivacyPolicy",
                c -> Map.of("version", "2026-11", "text", "A policy text long enough to be accepted as one."));
        call("Query.auditTrail", "auditTrail", c -> Map.of("subjectId", member));
        call("Query.alerts", "alerts", c -> Map.of());
        call("Mutation.resolveAlert", "resolveAlert",
                c -> Map.of("alertId", nobody, "decision", "KEEP_SUSPENDED", "note", "Reviewed in the matrix"));
        call("Query.erasureReceipt", "erasureReceipt", c -> Map.of("memberId", nobody));
        call("Query.verifyAuditChain", "verifyAuditChain", c -> Map.of());
        call("Query.dataShareRegister", "dataShareRegister", c -> Map.of());
        call("Mutation.approveDataShare", "approveDataShare", c -> Map.of("shareId", nobody));
        call("Query.legalHolds", "legalHolds", c -> Map.of());
        call("Mutation.placeLegalHold", "placeLegalHold", c -> Map.of("memberId", nobody, "reason", "Checking the matrix"));
        call("Mutation.releaseLegalHold", "releaseLegalHold", c -> Map.of("memberId", nobody));
        call("Mutation.requestDataShare", "requestDataShare", c -> Map.of("memberId", member,
                "recipient", "Matrix Recipient Ltd", "purpose", "Checking the matrix of access", "fields", List.of("CITY")));
        call("Mutation.collectDataShare", "collectDataShare", c -> Map.of("shareId", nobody));

        // Matchmaking. A matchmaker proposes the member they look after to a fresh member each time (the weekly cap
        // or an earlier introduction may answer CONFLICT: allowed, not refused); unknown ids answer NOT_FOUND.
        call("Query.candidates", "candidates", c -> Map.of("memberId", member));
        call("Query.myRecommendations", "myRecommendations", c -> Map.of());
        call("Query.myIntroductions", "myIntroductions", c -> Map.of());
        call("Query.myMatchingStatus", "myMatchingStatus", c -> Map.of());
        call("Query.introductions", "introductions", c -> Map.of("memberId", member));
        call("Mutation.proposeIntroduction", "proposeIntroduction", c -> Map.of("memberA", member,
                "memberB", api().register(TestMembers.fresh()).memberId().toString(), "note", "Checking the matrix"));
        call("Mutation.respondToIntroduction", "respondToIntroduction", c -> Map.of("introductionId", nobody, "accept", true));
        call("Mutation.giveIntroductionFeedback", "giveIntroductionFeedback",
                c -> Map.of("introductionId", nobody, "text", "Checking the matrix"));
        call("Mutation.recordMeeting", "recordMeeting", c -> Map.of("introductionId", nobody,
                "meetingAt", "2026-12-01T10:00:00Z", "place", "Matrix tea house"));
        call("Mutation.recordIntroductionOutcome", "recordIntroductionOutcome",
                c -> Map.of("introductionId", nobody, "outcome", "CONTINUING"));
        call("Mutation.withdrawFromIntroduction", "withdrawFromIntroduction", c -> Map.of("introductionId", nobody));
        call("Mutation.blockMember", "blockMember", c -> Map.of("memberId", member));
        call("Mutation.pauseMatching", "pauseMatching", c -> Map.of());
        call("Mutation.resumeMatching", "resumeMatching", c -> Map.of());
        call("Mutation.suspendMember", "suspendMember", c -> Map.of("memberId", nobody, "reason", "Checking the matrix"));
        call("Mutation.reinstateMember", "reinstateMember", c -> Map.of("memberId", nobody));
        call("Query.consultationNotes", "consultationNotes", c -> Map.of("memberId", member));
        call("Mutation.addConsultationNote", "addConsultationNote",
                c -> Map.of("memberId", member, "text", "Checking the matrix of access"));
    }

    private void call(String operation, String document, Function<Caller, Map<String, Object>> variables) {
        calls.put(operation, new Call(document, variables));
    }

    /** A fresh open leak case, for operations that move a case on. */
    private String freshReport() {
        return api().as(staffing.login(matchmaker)).documentName("fileLeakReport").variable("input",
                        Map.of("category", "OTHER", "description", "Another case for the matrix"))
                .execute().path("fileLeakReport.reportId").entity(String.class).get();
    }

    /** A throwaway staff account for administrators' operations to act on. */
    private String target() {
        return staffing.uncleared(Role.ANALYST).staffId().toString();
    }

    @Test
    void theTableListsExactlyTheOperationsOfTheSchemaAndTheMatrixCallsEveryOne() throws Exception {
        // Every SDL file the application loads (schema.graphqls and the extensions beside it).
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (var file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        Set<String> schemaOperations = new TreeSet<>();
        for (String type : List.of("Query", "Mutation")) {
            registry.getType(type, ObjectTypeDefinition.class).ifPresent(definition -> {
                for (FieldDefinition field : definition.getFieldDefinitions()) {
                    schemaOperations.add(type + "." + field.getName());
                }
            });
            registry.objectTypeExtensions().getOrDefault(type, List.of()).forEach(extension ->
                    extension.getFieldDefinitions().forEach(field -> schemaOperations.add(type + "." + field.getName())));
        }
        assertThat(new TreeSet<>(AuthorizationTable.operations().keySet())).isEqualTo(schemaOperations);
        assertThat(new TreeSet<>(calls.keySet())).isEqualTo(schemaOperations);
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (var operation : AuthorizationTable.operations().entrySet()) {
            Call call = calls.get(operation.getKey());
            assertThat(call).as("a call for " + operation.getKey()).isNotNull();
            for (Caller caller : callers) {
                String verdict = verdict(operation.getKey(), operation.getValue(), call, caller);
                if (verdict != null) {
                    wrong.add(operation.getKey() + " as " + caller + ": " + verdict);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private String verdict(String operation, OperationRule rule, Call call, Caller caller) {
        String field = operation.substring(operation.indexOf('.') + 1);
        String token = caller.tokenFor(operation);
        GraphQlTester tester = token == null ? api().anonymous() : api().as(token);
        GraphQlTester.Request<?> request = tester.documentName(call.document());
        for (var variable : call.variables().apply(caller).entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        GraphQlTester.Response response = request.execute();
        List<String> classifications = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> classifications.add(String.valueOf(e.getErrorType()))));
        boolean allowed = rule.open() || (caller.role() != null && rule.allows(Set.of(caller.role())));
        if (allowed) {
            if (classifications.contains("FORBIDDEN") || classifications.contains("UNAUTHORIZED")) {
                return "refused although allowed: " + classifications;
            }
            if (operation.equals("Query.memberProfile")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> card = response.path(field).entity(Map.class).get();
                Audience audience = caller.role() == Role.MATCHMAKER ? Audience.MATCHMAKER_ASSIGNED : Audience.CUSTOMER_SERVICE;
                TableAssertions.assertMatchesTable(card, audience, assignedMember.data());
            }
            return null;
        }
        String expected = caller.role() == null ? "UNAUTHORIZED" : "FORBIDDEN";
        if (!classifications.equals(List.of(expected))) {
            return "expected only " + expected + " but got " + classifications;
        }
        if (hasData(response, field)) {
            return "refused but returned data";
        }
        return null;
    }

    private static boolean hasData(GraphQlTester.Response response, String field) {
        try {
            response.path(field).hasValue();
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }
}
