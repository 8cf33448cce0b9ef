package com.matchmaking.app.member;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.LogCapture;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's change of email over real GraphQL on HTTP, with the codes read from a real SMTP server (GreenMail). The
 * attackers: a logged-in member who wants to learn whether an address belongs to a member of the agency, and someone
 * who wants a member's login moved to an address that was never confirmed.
 */
class EmailChangeTest extends IntegrationTest {

    private static final String CODE_INVALID = "Invalid or expired code";

    @Autowired
    EmailChanges emailChanges;

    @Test
    void aFreeAndATakenAddressGetTheSameAnswerAndForTheTakenOneNothingIsKeptButItsOwnerIsTold() {
        TestMembers.Member owner = TestMembers.fresh();
        api().register(owner);
        TestMembers.Member askingData = TestMembers.fresh();
        Api.Registered asking = api().register(askingData);
        TestMembers.Member controlData = TestMembers.fresh();
        Api.Registered control = api().register(controlData);
        String freeAddress = "free-" + controlData.marker() + "@example.org";
        int pendingBefore = count("pending_email_change");
        int codesBefore = count("one_time_code");

        try (LogCapture logs = LogCapture.attach()) {
            GraphQlTester.Response taken = api().as(asking.token()).documentName("updateMyProfile")
                    .variable("input", Map.of("email", owner.email().toUpperCase(), "occupation", "Taken pilot")).execute();
            assertThat(count("pending_email_change")).as("nothing kept for a taken address").isEqualTo(pendingBefore);
            assertThat(count("one_time_code")).as("no code for a taken address").isEqualTo(codesBefore);
            GraphQlTester.Response free = api().as(control.token()).documentName("updateMyProfile")
                    .variable("input", Map.of("email", freeAddress, "occupation", "Free pilot")).execute();

            assertThat(shape(taken)).isEqualTo(shape(free)).isEqualTo("errors=0,"
                    + "[memberId, email, fullName, phone, city, wechatId, occupation, heightCm, incomeBand, aboutMe, updatedAt]");
            taken.path("updateMyProfile.email").entity(String.class).isEqualTo(askingData.email())
                    .path("updateMyProfile.occupation").entity(String.class).isEqualTo("Taken pilot");
            free.path("updateMyProfile.email").entity(String.class).isEqualTo(controlData.email())
                    .path("updateMyProfile.occupation").entity(String.class).isEqualTo("Free pilot");
            assertThat(count("pending_email_change")).isEqualTo(pendingBefore + 1);
            assertThat(count("one_time_code")).isEqualTo(codesBefore + 1);

            List<MimeMessage> ownersMail = TestMail.await(owner.email(), 2);
            MimeMessage notice = ownersMail.get(1);
            assertThat(TestMail.subject(notice)).isEqualTo("Someone tried to change their address to yours");
            assertThat(TestMail.codeIn(notice)).as("a notice, never a code").isNull();
            assertThat(TestMail.body(notice)).doesNotContain(askingData.fullName(), askingData.email(), owner.fullName());
            assertThat(TestMail.subject(TestMail.await(freeAddress, 1).get(0))).isEqualTo("Confirm your new email address");

            assertThat(api().login(owner.email(), owner.password())).as("the owner keeps their login").isNotBlank();
            assertThat(api().login(askingData.email(), askingData.password())).isNotBlank();
            assertThat(confirmError(asking.token(), "12345678")).isEqualTo(CODE_INVALID);
            assertNoPersonalValue(logs, owner, askingData, controlData, freeAddress);
        }
    }

    @Test
    void theChangeAppliesOnlyWithTheCodeThenTheLoginMovesAndEarlierTokensDie() throws Exception {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        String newEmail = "moved-" + data.marker() + "@example.org";

        try (LogCapture logs = LogCapture.attach()) {
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("email", newEmail)).execute()
                    .path("updateMyProfile.email").entity(String.class).isEqualTo(data.email());
            String code = TestMail.code(newEmail, 1);
            assertStoredOnlyEncryptedAndHashed(member.memberId(), newEmail, code);
            assertThat(loginError(newEmail, data.password())).as("no login at the new address yet")
                    .isEqualTo("Invalid username or password");

            String wrong = String.format("%08d", (Integer.parseInt(code) + 1) % 100_000_000);
            assertThat(confirmError(member.token(), wrong)).isEqualTo(CODE_INVALID);
            assertThat(email(member.token())).as("a wrong code changes nothing").isEqualTo(data.email());
            Api.Registered other = api().register(TestMembers.fresh());
            assertThat(confirmError(other.token(), code)).as("the code is for its member only").isEqualTo(CODE_INVALID);

            @SuppressWarnings("unchecked")
            Map<String, Object> session = api().as(member.token()).documentName("confirmEmailChange").variable("code", code).execute()
                    .path("confirmEmailChange").entity(Map.class).get();
            assertThat(session).containsEntry("accountId", member.memberId().toString()).containsEntry("kind", "MEMBER");
            String token = (String) session.get("token");

            assertThat(email(token)).isEqualTo(newEmail);
            assertThat(api().login(newEmail, data.password())).isNotBlank();
            assertThat(loginError(data.email(), data.password())).isEqualTo("Invalid username or password");
            api().as(member.token()).documentName("me").execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
            assertThat(confirmError(token, code)).as("used once").isEqualTo(CODE_INVALID);
            assertThat(count("pending_email_change WHERE member_id = '" + member.memberId() + "'")).isZero();

            MimeMessage changed = TestMail.await(data.email(), 2).get(1);
            assertThat(TestMail.subject(changed)).isEqualTo("Your login email address was changed");
            assertThat(new String(changed.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain(newEmail, data.fullName());
            assertNoPersonalValue(logs, data, data, data, newEmail);
            assertThat(logs.lines()).noneMatch(line -> line.contains(code));
        }
    }

    @Test
    void anExpiredWithdrawnOrOverGuessedCodeChangesNothing() {
        TestMembers.Member owner = TestMembers.fresh();
        api().register(owner);
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        String first = "first-" + data.marker() + "@example.org";
        changeEmail(member.token(), first);
        String firstCode = TestMail.code(first, 1);

        // Asking again withdraws the earlier change, for a taken address as for a free one: were the earlier code
        // still good after a taken address only, it would tell a taken address from a free one.
        changeEmail(member.token(), owner.email());
        TestMail.await(owner.email(), 2);
        assertThat(confirmError(member.token(), firstCode)).isEqualTo(CODE_INVALID);

        String guessed = "guessed-" + data.marker() + "@example.org";
        changeEmail(member.token(), guessed);
        String guessedCode = TestMail.code(guessed, 1);
        String wrong = String.format("%08d", (Integer.parseInt(guessedCode) + 1) % 100_000_000);
        for (int i = 0; i < 5; i++) {
            assertThat(confirmError(member.token(), wrong)).isEqualTo(CODE_INVALID);
        }
        assertThat(confirmError(member.token(), guessedCode)).as("five wrong guesses spend the code")
                .isEqualTo(CODE_INVALID);

        String late = "late-" + data.marker() + "@example.org";
        changeEmail(member.token(), late);
        String lateCode = TestMail.code(late, 1);
        jdbc.update("UPDATE one_time_code SET expires_at = now() - interval '1 second' WHERE subject_id = ?",
                member.memberId());
        jdbc.update("UPDATE pending_email_change SET expires_at = now() - interval '1 second' WHERE member_id = ?",
                member.memberId());
        assertThat(confirmError(member.token(), lateCode)).isEqualTo(CODE_INVALID);
        assertThat(email(member.token())).isEqualTo(data.email());
        assertThat(api().login(data.email(), data.password())).isNotBlank();

        emailChanges.removeExpired();
        assertThat(count("pending_email_change WHERE member_id = '" + member.memberId() + "'")).isZero();
        assertThat(count("one_time_code WHERE subject_id = '" + member.memberId() + "'")).isZero();
    }

    @Test
    void aMailCausedByARequestWithoutAcceptLanguageIsInSimplifiedChinese() {
        Api noLanguage = api().inLanguage(null);
        TestMembers.Member registering = TestMembers.fresh();
        noLanguage.anonymous().documentName("registerMember").variable("input", registering.input()).execute()
                .path("registerMember.memberId").hasValue();
        assertThat(TestMail.subject(TestMail.await(registering.email(), 1).get(0))).isEqualTo("请确认您的邮箱地址");

        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        String newEmail = "zh-" + data.marker() + "@example.org";
        noLanguage.as(member.token()).documentName("updateMyProfile").variable("input", Map.of("email", newEmail))
                .execute().path("updateMyProfile.memberId").hasValue();
        MimeMessage mail = TestMail.await(newEmail, 1).get(0);
        assertThat(TestMail.subject(mail)).isEqualTo("请确认您的新邮箱地址");
        assertThat(TestMail.body(mail)).contains("确认码是 " + TestMail.codeIn(mail)).contains("30 分钟");
    }

    private void changeEmail(String token, String email) {
        api().as(token).documentName("updateMyProfile").variable("input", Map.of("email", email)).execute()
                .path("updateMyProfile.memberId").hasValue();
    }

    private void assertStoredOnlyEncryptedAndHashed(UUID memberId, String newEmail, String code) {
        List<Map<String, Object>> codes = jdbc.queryForList("SELECT * FROM one_time_code WHERE subject_id = ?", memberId);
        assertThat(codes).singleElement().satisfies(row -> assertThat(row.values())
                .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(code).doesNotContainIgnoringCase(newEmail)));
        Map<String, Object> pending = jdbc.queryForMap("SELECT * FROM pending_email_change WHERE member_id = ?", memberId);
        assertThat(new String((byte[]) pending.get("payload"), StandardCharsets.UTF_8)).as("the new address is encrypted")
                .doesNotContainIgnoringCase(newEmail);
        assertThat(String.valueOf(pending.get("login_index"))).doesNotContainIgnoringCase(newEmail);
    }

    private static void assertNoPersonalValue(LogCapture logs, TestMembers.Member a, TestMembers.Member b,
                                              TestMembers.Member c, String address) {
        List<String> values = new ArrayList<>(List.of(address.toLowerCase()));
        for (TestMembers.Member m : List.of(a, b, c)) {
            values.addAll(List.of(m.email().toLowerCase(), m.fullName(), m.marker()));
        }
        assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> {
            for (String value : values) {
                assertThat(line.toLowerCase()).doesNotContain(value.toLowerCase());
            }
        });
    }

    private String email(String token) {
        return api().as(token).documentName("me").execute().path("me.email").entity(String.class).get();
    }

    private String confirmError(String token, String code) {
        return RegistrationConfirmationTest.singleError(api().as(token).documentName("confirmEmailChange")
                .variable("code", code).execute(), "BAD_REQUEST");
    }

    private String loginError(String username, String password) {
        return RegistrationConfirmationTest.singleError(api().anonymous().documentName("login")
                .variable("username", username).variable("password", password).execute(), "UNAUTHORIZED");
    }

    private static String shape(GraphQlTester.Response response) {
        List<String> shape = new ArrayList<>();
        response.errors().satisfy(errors -> shape.add("errors=" + errors.size()));
        Map<?, ?> payload = response.path("updateMyProfile").entity(Map.class).get();
        shape.add(String.valueOf(payload.keySet()));
        return String.join(",", shape);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }
}
