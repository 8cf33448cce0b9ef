package com.matchmaking.app.member;

import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import jakarta.mail.internet.MimeMessage;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration answers alike for a new and a taken address, and makes a member only once the address is confirmed
 * with the code mailed to it (through a real SMTP server, GreenMail). The attacker: someone who wants to learn whether
 * an address is a member's, or to become a member with an address that is not theirs.
 */
class RegistrationConfirmationTest extends IntegrationTest {

    @Autowired
    Registrations registrations;
    @Autowired
    SubjectKeyVault vault;

    @Test
    void aTakenAddressGetsTheSameAnswerAndStoresNothingWhileItsOwnerGetsANotice() {
        TestMembers.Member owner = TestMembers.fresh();
        api().register(owner);
        TestMembers.Member stranger = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(stranger.input());
        input.put("email", owner.email().toUpperCase());
        int eventsBefore = eventCount();
        int keysBefore = count("subject_key");
        int pendingBefore = count("pending_registration");
        int codesBefore = count("one_time_code");

        GraphQlTester.Response taken = english().documentName("registerMember").variable("input", input).execute();
        GraphQlTester.Response fresh = english().documentName("registerMember")
                .variable("input", TestMembers.fresh().input()).execute();

        assertThat(shape(taken)).isEqualTo(shape(fresh));
        String pendingId = taken.path("registerMember.memberId").entity(String.class).get();
        assertThat(UUID.fromString(pendingId)).isNotNull();
        assertThat(eventCount()).as("nothing registered for the taken address").isEqualTo(eventsBefore);
        assertThat(count("subject_key")).as("no keys for it; the new address's registration has some")
                .isGreaterThan(keysBefore);
        assertThat(count("pending_registration")).isEqualTo(pendingBefore + 1);
        assertThat(count("one_time_code")).isEqualTo(codesBefore + 1);

        List<MimeMessage> ownersMail = TestMail.await(owner.email(), 2);
        MimeMessage notice = ownersMail.get(1);
        assertThat(TestMail.subject(notice)).isEqualTo("Someone tried to register with your address");
        assertThat(TestMail.codeIn(notice)).as("a notice, never a code").isNull();
        assertThat(TestMail.body(notice)).doesNotContain(stranger.fullName(), owner.fullName(), stranger.marker());

        assertThat(loginError(owner.email(), stranger.password())).isEqualTo("Invalid username or password");
        assertThat(api().login(owner.email(), owner.password())).isNotBlank();
    }

    @Test
    void untilConfirmedTheAccountCannotLogInAndTheCodeWorksOnceForItsAddressOnly() {
        TestMembers.Member member = TestMembers.fresh();
        String pendingId = api().anonymous().documentName("registerMember").variable("input", member.input()).execute()
                .path("registerMember.memberId").entity(String.class).get();

        assertThat(loginError(member.email(), member.password())).as("refused like a wrong password")
                .isEqualTo("Invalid username or password");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE account_id = ?", Integer.class,
                UUID.fromString(pendingId))).isZero();

        String code = TestMail.code(member.email(), 1);
        assertStoredOnlyAsHashes(member, code, UUID.fromString(pendingId));
        TestMembers.Member other = TestMembers.fresh();
        api().register(other);
        assertThat(confirmError(other.email(), code)).as("a code is bound to its address").isEqualTo("Invalid or expired code");

        Map<String, Object> session = api().anonymous().documentName("confirmEmail").variable("email", member.email())
                .variable("code", code).execute().path("confirmEmail").entity(Map.class).get();
        assertThat(session).containsEntry("accountId", pendingId).containsEntry("kind", "MEMBER")
                .containsEntry("mustChangePassword", false);
        api().as((String) session.get("token")).documentName("me").execute().path("me.email").entity(String.class)
                .isEqualTo(member.email());
        assertThat(api().login(member.email(), member.password())).isNotBlank();

        assertThat(confirmError(member.email(), code)).as("used once").isEqualTo("Invalid or expired code");
        assertThat(count("pending_registration WHERE pending_id = '" + pendingId + "'")).isZero();
    }

    @Test
    void wrongGuessesAreBoundedAndAnExpiredCodeIsRefused() {
        TestMembers.Member guessed = TestMembers.fresh();
        api().anonymous().documentName("registerMember").variable("input", guessed.input()).execute()
                .path("registerMember.memberId").hasValue();
        String code = TestMail.code(guessed.email(), 1);
        String wrong = String.format("%08d", (Integer.parseInt(code) + 1) % 100_000_000);
        for (int i = 0; i < 5; i++) {
            assertThat(confirmError(guessed.email(), wrong)).isEqualTo("Invalid or expired code");
        }
        assertThat(confirmError(guessed.email(), code)).as("five wrong guesses spend the code")
                .isEqualTo("Invalid or expired code");

        TestMembers.Member late = TestMembers.fresh();
        String lateId = api().anonymous().documentName("registerMember").variable("input", late.input()).execute()
                .path("registerMember.memberId").entity(String.class).get();
        String lateCode = TestMail.code(late.email(), 1);
        // Half an hour later, as far as the code is concerned.
        jdbc.update("UPDATE one_time_code SET expires_at = now() - interval '1 second' WHERE subject_id = ?",
                UUID.fromString(lateId));
        assertThat(confirmError(late.email(), lateCode)).isEqualTo("Invalid or expired code");
    }

    @Test
    void anUnconfirmedRegistrationIsDeletedWhenItExpiresAndItsKeysAreDestroyed() {
        TestMembers.Member member = TestMembers.fresh();
        UUID pendingId = UUID.fromString(api().anonymous().documentName("registerMember").variable("input", member.input())
                .execute().path("registerMember.memberId").entity(String.class).get());
        String code = TestMail.code(member.email(), 1);
        assertThat(vault.isErased(pendingId)).isFalse();
        jdbc.update("UPDATE pending_registration SET expires_at = now() - interval '1 second' WHERE pending_id = ?", pendingId);
        jdbc.update("UPDATE one_time_code SET expires_at = now() - interval '1 second' WHERE subject_id = ?", pendingId);

        registrations.removeExpired();

        assertThat(count("pending_registration WHERE pending_id = '" + pendingId + "'")).isZero();
        assertThat(count("one_time_code WHERE subject_id = '" + pendingId + "'")).isZero();
        assertThat(vault.isErased(pendingId)).as("what was pending can never be read again").isTrue();
        assertThat(confirmError(member.email(), code)).isEqualTo("Invalid or expired code");
    }

    @Test
    void someoneElsesPendingRegistrationOfAnAddressDoesNotBlockItsOwner() {
        TestMembers.Member owner = TestMembers.fresh();
        Map<String, Object> squatter = new HashMap<>(TestMembers.fresh().input());
        squatter.put("email", owner.email());
        UUID squatterId = UUID.fromString(api().anonymous().documentName("registerMember").variable("input", squatter)
                .execute().path("registerMember.memberId").entity(String.class).get());
        TestMail.await(owner.email(), 1);

        api().anonymous().documentName("registerMember").variable("input", owner.input()).execute()
                .path("registerMember.memberId").hasValue();
        String ownersCode = TestMail.code(owner.email(), 2);
        String squattersCode = TestMail.codeIn(TestMail.to(owner.email()).get(0));
        String token = api().anonymous().documentName("confirmEmail").variable("email", owner.email())
                .variable("code", ownersCode).execute().path("confirmEmail.token").entity(String.class).get();
        api().as(token).documentName("me").execute().path("me.fullName").entity(String.class).isEqualTo(owner.fullName());
        assertThat(confirmError(owner.email(), squattersCode)).as("the address has its member now")
                .isEqualTo("This email address is already registered");
        assertThat(vault.isErased(squatterId)).as("the other registration can never be, and its keys are gone").isTrue();
    }

    @Test
    void mailIsInTheRequestsLanguageSimplifiedChineseByDefaultAndUtf8() throws Exception {
        TestMembers.Member chinese = TestMembers.fresh();
        api().anonymous().mutate().header("Accept-Language", "zh-CN").build().documentName("registerMember")
                .variable("input", chinese.input()).execute().path("registerMember.memberId").hasValue();
        MimeMessage mail = TestMail.await(chinese.email(), 1).get(0);
        assertThat(TestMail.subject(mail)).isEqualTo("请确认您的邮箱地址");
        assertThat(TestMail.body(mail)).contains("确认码是 " + TestMail.codeIn(mail)).contains("30 分钟");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");

        TestMembers.Member english = TestMembers.fresh();
        english().documentName("registerMember").variable("input", english.input()).execute()
                .path("registerMember.memberId").hasValue();
        MimeMessage englishMail = TestMail.await(english.email(), 1).get(0);
        assertThat(TestMail.subject(englishMail)).isEqualTo("Confirm your email address");
        assertThat(new String(englishMail.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .doesNotContain(english.fullName(), english.phone(), english.marker() + " who");
    }

    private void assertStoredOnlyAsHashes(TestMembers.Member member, String code, UUID pendingId) {
        List<Map<String, Object>> codes = jdbc.queryForList("SELECT * FROM one_time_code WHERE subject_id = ?", pendingId);
        assertThat(codes).singleElement().satisfies(row -> {
            assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(code)
                    .doesNotContainIgnoringCase(member.email()));
            assertThat((Integer) row.get("attempts")).isZero();
        });
        byte[] payload = jdbc.queryForObject("SELECT payload FROM pending_registration WHERE pending_id = ?", byte[].class,
                pendingId);
        String stored = new String(payload, StandardCharsets.UTF_8);
        for (String secret : member.secrets()) {
            assertThat(stored).as("the pending registration is encrypted").doesNotContain(secret);
        }
    }

    private HttpGraphQlTester english() {
        return api().anonymous().mutate().header("Accept-Language", "en").build();
    }

    private static String shape(GraphQlTester.Response response) {
        List<String> shape = new java.util.ArrayList<>();
        response.errors().satisfy(errors -> shape.add("errors=" + errors.size()));
        Map<?, ?> payload = response.path("registerMember").entity(Map.class).get();
        shape.add(String.valueOf(payload.keySet()));
        return String.join(",", shape);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private String loginError(String username, String password) {
        return singleError(api().anonymous().documentName("login").variable("username", username)
                .variable("password", password).execute(), "UNAUTHORIZED");
    }

    private String confirmError(String email, String code) {
        GraphQlTester.Response response = api().anonymous().documentName("confirmEmail").variable("email", email)
                .variable("code", code).execute();
        List<String> messages = new java.util.ArrayList<>();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            messages.add(errors.get(0).getMessage());
        });
        return messages.get(0);
    }

    static String singleError(GraphQlTester.Response response, String classification) {
        List<String> messages = new java.util.ArrayList<>();
        response.errors().satisfy(errors -> {
            assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(classification));
            messages.add(errors.get(0).getMessage());
        });
        return messages.get(0);
    }
}
