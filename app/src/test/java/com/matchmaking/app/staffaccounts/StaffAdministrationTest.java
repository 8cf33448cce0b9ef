package com.matchmaking.app.staffaccounts;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Administrators run the staff life cycle; what gates staff access takes effect on the very next request. */
class StaffAdministrationTest extends IntegrationTest {

    @Test
    void theBootstrapAdministratorCreatesStaffWhoLogInWithTheirUsername() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember staff = staffing.uncleared(Role.MATCHMAKER, Role.CUSTOMER_SERVICE);

        api().anonymous().documentName("login").variable("username", staff.username().toUpperCase())
                .variable("password", staff.password()).execute()
                .path("login.kind").entity(String.class).isEqualTo("STAFF")
                .path("login.roles").entityList(String.class).contains("MATCHMAKER", "CUSTOMER_SERVICE").hasSize(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api().as(staffing.adminToken()).documentName("staffAccounts")
                .execute().path("staffAccounts[?(@.staffId == '" + staff.staffId() + "')].displayName")
                .entityList(String.class).containsExactly("Staff " + staff.username()));
    }

    @Test
    void aUsernameIsUniqueAcrossStaffAndMembersAndInputIsValidated() {
        Staffing staffing = new Staffing(api());
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);
        Staffing.StaffMember existing = staffing.uncleared(Role.ANALYST);
        int eventsBefore = eventCount();

        assertError(create(staffing, existing.username(), List.of("ANALYST")), "CONFLICT", null);
        assertError(create(staffing, "Not A Username!", List.of("ANALYST")), "BAD_REQUEST", null);
        assertError(create(staffing, "fine.name", List.of("MEMBER")), "BAD_REQUEST", null);
        assertError(create(staffing, "fine.name", List.of()), "BAD_REQUEST", null);

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    private GraphQlTester.Response create(Staffing staffing, String username, List<String> roles) {
        return api().as(staffing.adminToken()).documentName("createStaff").variable("input", Map.of("username", username,
                "password", "a-long-staff-password", "displayName", "Someone", "roles", roles)).execute();
    }

    @Test
    void withoutAgreementAndCurrentTrainingStaffSeeNoPersonalData() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember staff = staffing.uncleared(Role.CUSTOMER_SERVICE);
        GraphQlTester caller = api().as(staff.token());

        assertError(caller.documentName("memberCards").execute(), "FORBIDDEN", "confidentiality agreement");
        staffing.recordAgreement(staff.staffId(), LocalDate.now().minusDays(1));
        assertError(caller.documentName("memberCards").execute(), "FORBIDDEN", "privacy training");
        staffing.recordTraining(staff.staffId(), LocalDate.now().minusMonths(13));
        assertError(caller.documentName("memberCards").execute(), "FORBIDDEN", "privacy training");

        staffing.recordTraining(staff.staffId(), LocalDate.now().minusMonths(11));
        caller.documentName("memberCards").execute().path("memberCards.cards").hasValue();
    }

    @Test
    void aSuspensionAndARoleChangeTakeEffectOnTheVeryNextRequest() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember staff = staffing.cleared(Role.CUSTOMER_SERVICE);
        GraphQlTester caller = api().as(staff.token());
        caller.documentName("memberCards").execute().path("memberCards.cards").hasValue();

        api().as(staffing.adminToken()).documentName("suspendStaff").variable("staffId", staff.staffId().toString()).execute()
                .path("suspendStaff.suspended").entity(Boolean.class).isEqualTo(true)
                .path("suspendStaff.suspensionReason").entity(String.class).isEqualTo("ADMINISTRATOR");
        // The suspension revoked the token (CredentialLifeCycleTest); a new login is refused as suspended.
        assertError(caller.documentName("memberCards").execute(), "UNAUTHORIZED", "Log in");
        assertError(caller.documentName("privacyPolicy").execute(), null, null);
        assertError(api().anonymous().documentName("login").variable("username", staff.username())
                .variable("password", staff.password()).execute(), "FORBIDDEN", "suspended");

        api().as(staffing.adminToken()).documentName("reinstateStaff").variable("staffId", staff.staffId().toString()).execute()
                .path("reinstateStaff.suspended").entity(Boolean.class).isEqualTo(false);
        caller = api().as(staffing.login(staff));
        caller.documentName("memberCards").execute().path("memberCards.cards").hasValue();

        api().as(staffing.adminToken()).documentName("changeStaffRoles").variable("staffId", staff.staffId().toString())
                .variable("roles", List.of("ANALYST")).execute().path("changeStaffRoles.roles").entityList(String.class)
                .containsExactly("ANALYST");
        assertError(caller.documentName("memberCards").execute(), "UNAUTHORIZED", "Log in");
        assertError(api().as(staffing.login(staff)).documentName("memberCards").execute(), "FORBIDDEN", "role");
    }

    @Test
    void administratorsCannotLockThemselvesOut() {
        Staffing staffing = new Staffing(api());
        staffing.adminToken(); // the configured password is changed by then
        String adminId = api().anonymous().documentName("login").variable("username", Staffing.ADMIN_USERNAME)
                .variable("password", Staffing.ADMIN_CHANGED_PASSWORD).execute().path("login.accountId")
                .entity(String.class).get();

        assertError(api().as(staffing.adminToken()).documentName("suspendStaff").variable("staffId", adminId).execute(),
                "CONFLICT", "themselves");
        assertError(api().as(staffing.adminToken()).documentName("changeStaffRoles").variable("staffId", adminId)
                .variable("roles", List.of("ANALYST")).execute(), "CONFLICT", "own ADMIN role");
    }

    /** One error of that classification naming that problem; a null classification: no error at all. */
    static void assertError(GraphQlTester.Response response, String classification, String messagePart) {
        if (classification == null) {
            response.errors().verify();
            return;
        }
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo(classification);
            if (messagePart != null) {
                assertThat(error.getMessage()).containsIgnoringCase(messagePart);
            }
        }));
    }
}
