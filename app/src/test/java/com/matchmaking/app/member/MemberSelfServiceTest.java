package com.matchmaking.app.member;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.TestMail;
import com.matchmaking.app.support.TestMembers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's own life cycle over real GraphQL on HTTP: register, log in, read and change their data. */
@Tag("external-postgres")
class MemberSelfServiceTest extends IntegrationTest {

    @Test
    void thePrivacyPolicyIsPublic() {
        api().anonymous().documentName("privacyPolicy").execute()
                .path("privacyPolicy.version").entity(String.class).isEqualTo("2026-11")
                .path("privacyPolicy.text").entity(String.class).satisfies(text -> assertThat(text).isNotBlank());
    }

    @Test
    void aRegisteredMemberLogsInWithTheirEmailAndSeesEveryFieldTheyGave() {
        TestMembers.Member member = TestMembers.fresh();
        Api.Registered registered = api().register(member);

        api().anonymous().documentName("login").variable("username", "  " + member.email().toUpperCase() + " ")
                .variable("password", member.password()).execute()
                .path("login.kind").entity(String.class).isEqualTo("MEMBER")
                .path("login.roles").entityList(String.class).containsExactly("MEMBER")
                .path("login.accountId").entity(String.class).isEqualTo(registered.memberId().toString());

        api().as(registered.token()).documentName("me").execute()
                .path("me.memberId").entity(String.class).isEqualTo(registered.memberId().toString())
                .path("me.email").entity(String.class).isEqualTo(member.email())
                .path("me.fullName").entity(String.class).isEqualTo(member.fullName())
                .path("me.phone").entity(String.class).isEqualTo(member.storedPhone())
                .path("me.wechatId").entity(String.class).isEqualTo(member.wechatId())
                .path("me.gender").entity(String.class).isEqualTo("FEMALE")
                .path("me.birthDate").entity(String.class).isEqualTo(member.birthDate().toString())
                .path("me.city").entity(String.class).isEqualTo(member.city())
                .path("me.maritalStatus").entity(String.class).isEqualTo("NEVER_MARRIED")
                .path("me.education").entity(String.class).isEqualTo("MASTER")
                .path("me.occupation").entity(String.class).isEqualTo(member.occupation())
                .path("me.heightCm").entity(Integer.class).isEqualTo(168)
                .path("me.incomeBand").entity(String.class).isEqualTo("FROM_300K_TO_600K")
                .path("me.aboutMe").entity(String.class).isEqualTo(member.aboutMe())
                .path("me.acceptedPrivacyPolicyVersion").entity(String.class).isEqualTo("2026-11");
    }

    @Test
    void aBadLoginSaysNothingAboutWhichPartWasWrong() {
        TestMembers.Member member = TestMembers.fresh();
        api().register(member);

        String wrongPassword = loginError(member.email(), "not-the-password");
        String unknownUser = loginError("nobody-" + member.marker() + "@example.com", member.password());

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo("Invalid username or password");
    }

    private String loginError(String username, String password) {
        List<ResponseError> errors = new java.util.ArrayList<>();
        api().anonymous().documentName("login").variable("username", username).variable("password", password)
                .execute().errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED"));
        return errors.get(0).getMessage();
    }

    @Test
    void aSecondRegistrationWithTheSameEmailAnswersLikeANewOneAndStoresNothing() {
        TestMembers.Member first = TestMembers.fresh();
        api().register(first);
        TestMembers.Member second = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(second.input());
        input.put("email", first.email().toUpperCase());
        int eventsBefore = eventCount();
        int keysBefore = keyRowCount();

        String pendingId = api().anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").entity(String.class).get();

        assertThat(pendingId).as("a pending id, as for a new address (RegistrationConfirmationTest)").isNotBlank();
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(keyRowCount()).as("no orphan keys either").isEqualTo(keysBefore);
    }

    private int keyRowCount() {
        return jdbc.queryForObject("SELECT count(*) FROM subject_key", Integer.class);
    }

    @Test
    void invalidRegistrationInputIsRefusedFieldByFieldWithoutEchoingValuesAndStoresNothing() {
        TestMembers.Member member = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(member.input());
        input.put("email", "not-an-email-" + member.marker());
        input.put("phone", "12" + member.marker());
        input.put("password", "short");
        input.put("birthDate", "2020-01-01");
        input.put("wechatId", "1" + member.marker());
        input.put("heightCm", 20);
        input.put("acceptedPrivacyPolicyVersion", "1999-01");
        input.put("consents", List.of());
        int eventsBefore = eventCount();
        int keysBefore = keyRowCount();

        GraphQlTester.Response response = api().anonymous().documentName("registerMember").variable("input", input).execute();

        response.errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(error.getMessage()).contains("email", "phone", "password", "birthDate", "wechatId",
                        "heightCm", "acceptedPrivacyPolicyVersion", "incomeBand");
                assertThat(error.getMessage()).doesNotContain(member.marker());
            });
        });
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(keyRowCount()).isEqualTo(keysBefore);
    }

    @Test
    void malformedScalarsAreBadRequestsThatDoNotEchoTheValue() {
        TestMembers.Member member = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(member.input());
        input.put("birthDate", "born-" + member.marker());

        GraphQlTester.Response response = api().anonymous().documentName("registerMember").variable("input", input).execute();

        response.errors().satisfy(errors -> assertThat(errors).allSatisfy(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).doesNotContain(member.marker());
        }));
    }

    @Test
    void profileChangesApplyClearOptionalFieldsAndRefuseToClearRequiredOnes() {
        Api.Registered member = api().register(TestMembers.fresh());

        api().as(member.token()).documentName("updateMyProfile")
                .variable("input", Map.of("city", "Hangzhou", "heightCm", 171, "clear", List.of("WECHAT_ID", "ABOUT_ME")))
                .execute()
                .path("updateMyProfile.city").entity(String.class).isEqualTo("Hangzhou")
                .path("updateMyProfile.heightCm").entity(Integer.class).isEqualTo(171)
                .path("updateMyProfile.wechatId").valueIsNull()
                .path("updateMyProfile.aboutMe").valueIsNull()
                .path("updateMyProfile.fullName").entity(String.class).isEqualTo(member.data().fullName());

        int eventsBefore = eventCount();
        GraphQlTester.Response refused = api().as(member.token()).documentName("updateMyProfile")
                .variable("input", Map.of("clear", List.of("PHONE"))).execute();
        assertSingleError(refused, "BAD_REQUEST", "phone is required");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void changingTheEmailMovesTheLoginOnlyOnceConfirmedAndCannotTakeAnotherMembersEmail() {
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        TestMembers.Member other = TestMembers.fresh();
        api().register(other);
        String newEmail = "new-" + data.marker() + "@example.org";

        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("email", newEmail)).execute()
                .path("updateMyProfile.email").entity(String.class).isEqualTo(data.email());
        String token = api().as(member.token()).documentName("confirmEmailChange")
                .variable("code", TestMail.code(newEmail, 1)).execute()
                .path("confirmEmailChange.token").entity(String.class).get();

        api().as(token).documentName("me").execute().path("me.email").entity(String.class).isEqualTo(newEmail);
        assertThat(api().login(newEmail, data.password())).isNotBlank();
        assertThat(loginError(data.email(), data.password())).isEqualTo("Invalid username or password");
        api().as(token).documentName("updateMyProfile").variable("input", Map.of("email", other.email())).execute()
                .path("updateMyProfile.email").entity(String.class)
                .isEqualTo(newEmail);
    }

    @Test
    void preferencesRoundTripAndBadCriteriaAreRefused() {
        Api.Registered member = api().register(TestMembers.fresh());
        Map<String, Object> preferences = Map.of(
                "ageYears", Map.of("min", 28, "max", 40, "required", true),
                "genders", Map.of("accepted", List.of("MALE"), "required", true),
                "cities", Map.of("accepted", List.of("Shanghai", "Hangzhou"), "required", false, "weight", 7),
                "education", Map.of("minimum", "BACHELOR", "required", false, "weight", 3));

        api().as(member.token()).documentName("updateMyPreferences").variable("input", preferences).execute()
                .path("updateMyPreferences.ageYears.min").entity(Integer.class).isEqualTo(28)
                .path("updateMyPreferences.ageYears.weight").entity(Integer.class).isEqualTo(5)
                .path("updateMyPreferences.cities.accepted").entityList(String.class).contains("Shanghai", "Hangzhou").hasSize(2)
                .path("updateMyPreferences.education.minimum").entity(String.class).isEqualTo("BACHELOR");
        api().as(member.token()).documentName("me").execute()
                .path("me.preferences.genders.accepted").entityList(String.class).containsExactly("MALE");

        GraphQlTester.Response refused = api().as(member.token()).documentName("updateMyPreferences")
                .variable("input", Map.of("ageYears", Map.of("min", 50, "max", 30, "required", true))).execute();
        assertSingleError(refused, "BAD_REQUEST", "ageYears.min must not exceed max");
    }

    @Test
    void withdrawingSensitiveConsentShredsTheIncomeBandAndNothingElse() {
        Api.Registered member = api().register(TestMembers.fresh());

        api().as(member.token()).documentName("withdrawConsent").variable("purpose", "SENSITIVE_DATA").execute()
                .path("withdrawConsent[?(@.purpose == 'SENSITIVE_DATA')].granted").entityList(Boolean.class).containsExactly(false);

        api().as(member.token()).documentName("me").execute()
                .path("me.incomeBand").valueIsNull()
                .path("me.fullName").entity(String.class).isEqualTo(member.data().fullName());
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM subject_key WHERE subject_id = ? AND key_group = 'sensitive' AND wrapped_keyset IS NULL",
                Integer.class, member.memberId())).isOne();
        Map<String, Object> export = api().export(member.token());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) export.get("history");
        @SuppressWarnings("unchecked")
        Map<String, Object> registration = (Map<String, Object>) history.get(0).get("values");
        assertThat(registration).doesNotContainKey("incomeBand").containsEntry("fullName", member.data().fullName());

        GraphQlTester.Response refused = api().as(member.token()).documentName("updateMyProfile")
                .variable("input", Map.of("incomeBand", "OVER_600K")).execute();
        assertSingleError(refused, "BAD_REQUEST", "SENSITIVE_DATA");
        api().as(member.token()).documentName("grantConsent").variable("purpose", "SENSITIVE_DATA").execute();
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("incomeBand", "OVER_600K")).execute()
                .path("updateMyProfile.incomeBand").entity(String.class).isEqualTo("OVER_600K");
    }

    @Test
    void callsWithoutAValidTokenAreUnauthorized() {
        assertSingleError(api().anonymous().documentName("me").execute(), "UNAUTHORIZED", "Log in");
        assertSingleError(api().as("not-a-token").documentName("me").execute(), "UNAUTHORIZED", "Log in");
        Api.Registered member = api().register(TestMembers.fresh());
        String tampered = member.token().substring(0, member.token().length() - 4) + "AAAA";
        assertSingleError(api().as(tampered).documentName("me").execute(), "UNAUTHORIZED", "Log in");
    }

    static void assertSingleError(GraphQlTester.Response response, String classification, String messagePart) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo(classification);
            assertThat(error.getExtensions()).containsEntry("classification", classification);
            assertThat(error.getMessage()).contains(messagePart).doesNotContain("Exception", "\tat ");
        }));
    }
}
