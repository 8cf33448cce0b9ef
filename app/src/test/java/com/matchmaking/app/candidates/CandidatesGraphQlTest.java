package com.matchmaking.app.candidates;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reciprocal candidates over real GraphQL on HTTP. The database is shared with other test classes: every member here
 * lives in a city of its own test and requires that city, so only this test's members can match each other.
 */
@Tag("external-postgres")
class CandidatesGraphQlTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Staffing staffing;
    private CityMembers members;
    private String city;

    @BeforeEach
    void setUp() {
        staffing = new Staffing(api());
        members = new CityMembers(api());
        city = members.city;
    }

    @Test
    void candidatesMeetBothSidesHardRequirementsAndExplainEveryCriterionOfBothSides() {
        Api.Registered seeker = member("FEMALE", 30, "MASTER", 168, true);
        preferences(seeker, Map.of(
                "genders", Map.of("accepted", List.of("MALE"), "required", true),
                "cities", Map.of("accepted", List.of(city), "required", true),
                "ageYears", Map.of("min", 25, "max", 40, "required", true),
                "education", Map.of("minimum", "MASTER", "required", false, "weight", 5)));
        Api.Registered best = member("MALE", 31, "MASTER", 178, true);
        preferences(best, Map.of(
                "genders", Map.of("accepted", List.of("FEMALE"), "required", true),
                "cities", Map.of("accepted", List.of(city), "required", true),
                "heightCm", Map.of("min", 160, "required", false, "weight", 3)));
        Api.Registered weaker = member("MALE", 33, "BACHELOR", 175, true);
        preferences(weaker, Map.of(
                "genders", Map.of("accepted", List.of("FEMALE"), "required", true),
                "cities", Map.of("accepted", List.of(city), "required", true),
                "heightCm", Map.of("min", 160, "required", false, "weight", 3)));
        Api.Registered tooOld = member("MALE", 45, "DOCTORATE", 180, true);
        preferences(tooOld, Map.of("cities", Map.of("accepted", List.of(city), "required", true)));
        Api.Registered wantsADoctor = member("MALE", 30, "DOCTORATE", 180, true);
        preferences(wantsADoctor, Map.of(
                "cities", Map.of("accepted", List.of(city), "required", true),
                "education", Map.of("minimum", "DOCTORATE", "required", true)));
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        staffing.assign(seeker.memberId(), matchmaker.staffId());
        // Candidates the matchmaker looks after, so the assigned row applies: every attribute, both sides' wishes.
        staffing.assign(best.memberId(), matchmaker.staffId());
        staffing.assign(weaker.memberId(), matchmaker.staffId());
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE matchmaker_id = ? AND member_id IN (?, ?)",
                Integer.class, matchmaker.staffId(), best.memberId(), weaker.memberId()) == 2);

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(candidates(matchmaker, seeker)))
                .containsExactly(best.memberId().toString(), weaker.memberId().toString()));

        List<Map<String, Object>> found = candidates(matchmaker, seeker);
        Map<String, Object> first = found.get(0);
        assertThat(first).containsEntry("gender", "MALE").containsEntry("city", city).containsEntry("education", "MASTER")
                .containsEntry("heightCm", 178).containsEntry("age", 31).containsEntry("score", 100.0)
                .doesNotContainKeys("fullName", "phone", "email", "wechatId", "aboutMe");
        Map<String, Object> explanation = explanation(first);
        assertThat(explanation.get("personalised")).isEqualTo(true);
        assertThat(checks(explanation, "seekerWishes")).containsExactlyInAnyOrder(
                check("AGE", true, 0, true), check("GENDER", true, 0, true), check("CITY", true, 0, true),
                check("EDUCATION", false, 10, true));
        assertThat(checks(explanation, "candidateWishes")).containsExactlyInAnyOrder(
                check("GENDER", true, 0, true), check("CITY", true, 0, true), check("HEIGHT", false, 3, true));

        Map<String, Object> second = explanation(found.get(1));
        assertThat(checks(second, "seekerWishes")).contains(check("EDUCATION", false, 10, false));
        assertThat((Double) found.get(1).get("score")).isEqualTo(23.08);
        assertThat((String) second.get("summary")).contains("1 of 2 soft wishes");

        // Reciprocal: the seeker is the best candidate's candidate too, and he sees her with the same score.
        await().atMost(WAIT).untilAsserted(() -> assertThat(recommendations(best))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("memberId")).isEqualTo(seeker.memberId().toString());
                    assertThat(c.get("score")).isEqualTo(100.0);
                }));
        // The same data, the same order.
        assertThat(candidates(matchmaker, seeker)).isEqualTo(found);
    }

    @Test
    void anErasedMemberDisappearsFromCandidateLists() {
        Api.Registered seeker = pairOfCityMembers("FEMALE");
        Api.Registered leaving = pairOfCityMembers("MALE");
        Api.Registered staying = pairOfCityMembers("MALE");
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(recommendations(seeker)))
                .containsExactlyInAnyOrder(leaving.memberId().toString(), staying.memberId().toString()));

        api().as(leaving.token()).documentName("requestErasure").execute().path("requestErasure.state").hasValue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(recommendations(seeker)))
                .containsExactly(staying.memberId().toString()));
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matching_profile WHERE member_id = ?", Integer.class, leaving.memberId()) == 0);
    }

    @Test
    void withdrawingConsentToPersonalisedRecommendationsSwitchesToPlainFiltersWithoutAScore() {
        Api.Registered seeker = pairOfCityMembers("FEMALE");
        Api.Registered a = pairOfCityMembers("MALE");
        Api.Registered b = pairOfCityMembers("MALE");
        await().atMost(WAIT).untilAsserted(() -> assertThat(recommendations(seeker)).hasSize(2)
                .allSatisfy(c -> assertThat(c.get("score")).isNotNull()));

        api().as(seeker.token()).documentName("withdrawConsent").variable("purpose", "PERSONALISED_RECOMMENDATIONS")
                .execute().path("withdrawConsent").hasValue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(recommendations(seeker)).hasSize(2).allSatisfy(c -> {
            assertThat(c.get("score")).isNull();
            Map<String, Object> explanation = explanation(c);
            assertThat(explanation.get("personalised")).isEqualTo(false);
            assertThat((String) explanation.get("summary")).contains("Non-personalised");
            assertThat(checks(explanation, "seekerWishes")).allSatisfy(check -> assertThat(check.get("hard")).isEqualTo(true));
        }));
        assertThat(ids(recommendations(seeker))).containsExactlyInAnyOrder(a.memberId().toString(), b.memberId().toString())
                .isEqualTo(ids(recommendations(seeker)));
    }

    @Test
    void aMatchmakerNotAssignedToTheMemberGetsTheAnswerOfAnUnknownMember() {
        Api.Registered seeker = pairOfCityMembers("FEMALE");
        Staffing.StaffMember assigned = staffing.cleared(Role.MATCHMAKER);
        Staffing.StaffMember other = staffing.cleared(Role.MATCHMAKER);
        staffing.assign(seeker.memberId(), assigned.staffId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(candidates(assigned, seeker)).isEmpty());

        assertError(api().as(other.token()).documentName("candidates").variable("memberId", seeker.memberId().toString())
                .execute(), "NOT_FOUND");
        assertError(api().as(assigned.token()).documentName("candidates").variable("memberId", UUID.randomUUID().toString())
                .execute(), "NOT_FOUND");
        assertError(api().as(seeker.token()).documentName("candidates").variable("memberId", seeker.memberId().toString())
                .execute(), "FORBIDDEN");
    }

    // --- helpers ---

    private Api.Registered pairOfCityMembers(String gender) {
        return members.pair(gender);
    }

    private Api.Registered member(String gender, int age, String education, int heightCm, boolean personalised) {
        return members.member(gender, age, education, heightCm, personalised);
    }

    private void preferences(Api.Registered member, Map<String, Object> input) {
        members.preferences(member, input);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> candidates(Staffing.StaffMember matchmaker, Api.Registered seeker) {
        return api().as(matchmaker.token()).documentName("candidates").variable("memberId", seeker.memberId().toString())
                .variable("first", 50).execute().path("candidates").entity(List.class).get();
    }

    private List<Map<String, Object>> recommendations(Api.Registered member) {
        return members.recommendations(member);
    }

    private static List<Object> ids(List<Map<String, Object>> candidates) {
        return new ArrayList<>(candidates.stream().map(c -> c.get("memberId")).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> explanation(Map<String, Object> candidate) {
        return (Map<String, Object>) candidate.get("explanation");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(Map<String, Object> explanation, String side) {
        return (List<Map<String, Object>>) explanation.get(side);
    }

    private static Map<String, Object> check(String criterion, boolean hard, int weight, boolean met) {
        return Map.of("criterion", criterion, "hard", hard, "weight", weight, "met", met);
    }

    private static void assertError(GraphQlTester.Response response, String type) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(type)));
    }
}
