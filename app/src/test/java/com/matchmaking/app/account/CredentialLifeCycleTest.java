package com.matchmaking.app.account;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credential life cycle over real HTTP: a token dies on logout, password change, reset, suspension, role change and
 * erasure (the attacker holds a stolen token, and the owner acts); a password is changed only with the current one,
 * and reset only with a code from the mailbox; passwords beyond bcrypt's 72 bytes are refused clearly wherever one is
 * set, never an INTERNAL_ERROR.
 */
class CredentialLifeCycleTest extends IntegrationTest {

    /** 25 Chinese characters: 25 characters, 75 bytes in UTF-8. */
    private static final String TOO_LONG_FOR_BCRYPT = "我的密码很长很长很长很长很长很长很长很长很长很长很长很";

    @Test
    void logoutKillsTheTokenAndANewLoginWorks() {
        Api.Registered member = api().register(TestMembers.fresh());
        String second = api().login(member.data().email(), member.data().password());
        assertWorks(member.token());

        api().as(member.token()).documentName("logout").execute().path("logout").entity(Boolean.class).isEqualTo(true);

        assertDead(member.token());
        assertDead(second);
        assertWorks(api().login(member.data().email(), member.data().password()));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndKillsEveryEarlierToken() {
        Api.Registered member = api().register(TestMembers.fresh());
        String newPassword = "a brand new password " + member.data().marker();

        String refused = error(api().as(member.token()).documentName("changePassword")
                .variable("currentPassword", "not my password").variable("newPassword", newPassword).execute());
        assertThat(refused).isEqualTo("UNAUTHORIZED: Invalid username or password");
        assertWorks(member.token());

        String fresh = api().as(member.token()).documentName("changePassword")
                .variable("currentPassword", member.data().password()).variable("newPassword", newPassword).execute()
                .path("changePassword.token").entity(String.class).get();

        assertDead(member.token());
        assertWorks(fresh);
        assertThat(loginError(member.data().email(), member.data().password())).isEqualTo("Invalid username or password");
        assertWorks(api().login(member.data().email(), newPassword));
    }

    @Test
    void aResetNeedsTheMailedCodeAnswersAlikeForUnknownAddressesAndKillsEarlierTokens() {
        Api.Registered member = api().register(TestMembers.fresh());
        String email = member.data().email();
        String unknown = "nobody-" + member.data().marker() + "@example.com";
        api().anonymous().documentName("requestPasswordReset").variable("email", unknown).execute()
                .path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);
        api().anonymous().mutate().header("Accept-Language", "en").build().documentName("requestPasswordReset")
                .variable("email", email).execute().path("requestPasswordReset").entity(Boolean.class).isEqualTo(true);

        MimeMessage resetMail = TestMail.await(email, 2).get(1);
        assertThat(TestMail.subject(resetMail)).isEqualTo("Reset your password");
        String code = TestMail.codeIn(resetMail);
        assertThat(TestMail.to(unknown)).as("an unknown address gets nothing").isEmpty();
        assertThat(jdbc.queryForList("SELECT code_hash FROM one_time_code", String.class)).doesNotContain(code);

        String newPassword = "reset password " + member.data().marker();
        String wrong = String.format("%08d", (Integer.parseInt(code) + 1) % 100_000_000);
        assertThat(error(reset(email, wrong, newPassword))).isEqualTo("UNAUTHORIZED: Invalid or expired code");
        assertThat(error(reset(unknown, code, newPassword))).isEqualTo("UNAUTHORIZED: Invalid or expired code");
        assertWorks(member.token());

        String fresh = reset(email, code, newPassword).path("resetPassword.token").entity(String.class).get();
        assertWorks(fresh);
        assertDead(member.token());
        assertWorks(api().login(email, newPassword));
        assertThat(error(reset(email, code, "yet another password"))).as("used once")
                .isEqualTo("UNAUTHORIZED: Invalid or expired code");
    }

    @Test
    void suspensionAndRoleChangesKillTheStaffMembersTokens() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember suspended = staffing.cleared(Role.ANALYST);
        Staffing.StaffMember promoted = staffing.cleared(Role.ANALYST);
        assertStaffWorks(suspended.token());
        assertStaffWorks(promoted.token());

        api().as(staffing.adminToken()).documentName("suspendStaff").variable("staffId", suspended.staffId().toString())
                .execute().path("suspendStaff.suspended").entity(Boolean.class).isEqualTo(true);
        api().as(staffing.adminToken()).documentName("changeStaffRoles").variable("staffId", promoted.staffId().toString())
                .variable("roles", List.of("ANALYST", "MATCHMAKER")).execute().path("changeStaffRoles.staffId").hasValue();

        assertThat(error(api().as(suspended.token()).documentName("demographics").variable("groupBy", List.of("CITY"))
                .execute())).startsWith("UNAUTHORIZED");
        assertThat(error(api().as(promoted.token()).documentName("demographics").variable("groupBy", List.of("CITY"))
                .execute())).startsWith("UNAUTHORIZED");
        api().as(staffing.adminToken()).documentName("reinstateStaff").variable("staffId", suspended.staffId().toString())
                .execute().path("reinstateStaff.suspended").entity(Boolean.class).isEqualTo(false);
        assertThat(error(api().as(suspended.token()).documentName("demographics").variable("groupBy", List.of("CITY"))
                .execute())).as("a reinstatement does not bring old tokens back").startsWith("UNAUTHORIZED");
        assertStaffWorks(staffing.login(promoted));
    }

    @Test
    void erasureKillsTheMembersToken() {
        Api.Registered member = api().register(TestMembers.fresh());
        api().as(member.token()).documentName("requestErasure").execute().path("requestErasure.state").hasValue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertDead(member.token()));
    }

    @Test
    void passwordsBeyondBcryptsSeventyTwoBytesAreRefusedClearlyWhereverOneIsSet() {
        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(data.input());
        input.put("password", TOO_LONG_FOR_BCRYPT);
        int eventsBefore = eventCount();
        assertThat(error(api().anonymous().documentName("registerMember").variable("input", input).execute()))
                .startsWith("BAD_REQUEST").contains("password must be at most 72 bytes in UTF-8").doesNotContain(TOO_LONG_FOR_BCRYPT);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        input.put("password", TOO_LONG_FOR_BCRYPT.substring(0, 24)); // 72 bytes: fits
        api().anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").hasValue();

        Staffing staffing = new Staffing(api());
        assertThat(error(api().as(staffing.adminToken()).documentName("createStaff").variable("input", Map.of(
                "username", "long." + data.marker(), "password", TOO_LONG_FOR_BCRYPT, "displayName", "Long",
                "roles", List.of("ANALYST"))).execute())).startsWith("BAD_REQUEST").contains("72 bytes");

        Api.Registered member = api().register(TestMembers.fresh());
        assertThat(error(api().as(member.token()).documentName("changePassword")
                .variable("currentPassword", member.data().password()).variable("newPassword", TOO_LONG_FOR_BCRYPT)
                .execute())).startsWith("BAD_REQUEST").contains("newPassword must be at most 72 bytes");
        assertThat(error(reset(member.data().email(), "12345678", TOO_LONG_FOR_BCRYPT)))
                .startsWith("BAD_REQUEST").contains("newPassword must be at most 72 bytes");
        assertThat(loginError(member.data().email(), TOO_LONG_FOR_BCRYPT)).as("a login with one is just wrong")
                .isEqualTo("Invalid username or password");
        assertWorks(member.token());
    }

    private GraphQlTester.Response reset(String email, String code, String newPassword) {
        return api().anonymous().documentName("resetPassword").variable("email", email).variable("code", code)
                .variable("newPassword", newPassword).execute();
    }

    private void assertWorks(String token) {
        api().as(token).documentName("me").execute().path("me.memberId").hasValue();
    }

    private void assertDead(String token) {
        assertThat(error(api().as(token).documentName("me").execute())).startsWith("UNAUTHORIZED");
    }

    private void assertStaffWorks(String token) {
        api().as(token).documentName("demographics").variable("groupBy", List.of("CITY")).execute()
                .path("demographics.k").hasValue();
    }

    private String loginError(String username, String password) {
        String error = error(api().anonymous().documentName("login").variable("username", username)
                .variable("password", password).execute());
        assertThat(error).startsWith("UNAUTHORIZED: ");
        return error.substring("UNAUTHORIZED: ".length());
    }

    /** The single error of the response as "CLASSIFICATION: message". */
    private static String error(GraphQlTester.Response response) {
        List<String> found = new ArrayList<>();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found.add(errors.get(0).getErrorType() + ": " + errors.get(0).getMessage());
        });
        return found.get(0);
    }
}
