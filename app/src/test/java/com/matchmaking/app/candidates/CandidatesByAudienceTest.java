package com.matchmaking.app.candidates;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code candidates} shows of a candidate follows the authorisation table. The attacker is a matchmaker who
 * reads other matchmakers' members (and the unassigned pool) through the candidate list of their own member: they
 * get the pool row (age, gender, city, education) and nothing more, neither as values nor as the outcome of a check
 * against one (a met height wish tells a height), nor the candidate's own wishes.
 */
class CandidatesByAudienceTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCandidateWhoIsNotTheMatchmakersShowsOnlyThePoolRow() {
        Staffing staffing = new Staffing(api());
        CityMembers members = new CityMembers(api());
        Api.Registered seeker = members.member("FEMALE", 30, "MASTER", 168, true);
        members.preferences(seeker, Map.of(
                "genders", Map.of("accepted", List.of("MALE"), "required", true),
                "cities", Map.of("accepted", List.of(members.city), "required", true),
                "heightCm", Map.of("min", 170, "required", false, "weight", 5),
                "maritalStatuses", Map.of("accepted", List.of("NEVER_MARRIED"), "required", false, "weight", 2)));
        Api.Registered ours = members.pair("MALE");
        Api.Registered pool = members.pair("MALE");
        Api.Registered colleagues = members.pair("MALE");
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        Staffing.StaffMember colleague = staffing.cleared(Role.MATCHMAKER);
        staffing.assign(seeker.memberId(), matchmaker.staffId());
        staffing.assign(ours.memberId(), matchmaker.staffId());
        staffing.assign(colleagues.memberId(), colleague.staffId());
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE member_id IN (?, ?, ?) AND matchmaker_id IS NOT NULL",
                Integer.class, seeker.memberId(), ours.memberId(), colleagues.memberId()) == 3);

        await().atMost(WAIT).untilAsserted(() -> assertThat(candidates(matchmaker, seeker)).hasSize(3));
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        candidates(matchmaker, seeker).forEach(c -> byId.put((String) c.get("memberId"), c));

        assertThat(byId.get(ours.memberId().toString())).as("the matchmaker's own member: the assigned row")
                .containsEntry("heightCm", 176).containsEntry("maritalStatus", "NEVER_MARRIED")
                .containsEntry("age", 30).containsEntry("education", "BACHELOR");
        assertThat(criteria(byId.get(ours.memberId().toString()), "seekerWishes")).contains("HEIGHT", "MARITAL_STATUS");
        assertThat(criteria(byId.get(ours.memberId().toString()), "candidateWishes")).isNotEmpty();

        for (Api.Registered notTheirs : List.of(pool, colleagues)) {
            Map<String, Object> shown = byId.get(notTheirs.memberId().toString());
            assertThat(shown).as("someone else's or nobody's member: the pool row only")
                    .containsEntry("heightCm", null).containsEntry("maritalStatus", null)
                    .containsEntry("age", 30).containsEntry("gender", "MALE").containsEntry("city", members.city)
                    .containsEntry("education", "BACHELOR");
            assertThat(criteria(shown, "seekerWishes")).as("no check against a field the pool row hides")
                    .doesNotContain("HEIGHT", "MARITAL_STATUS").contains("GENDER", "CITY");
            assertThat(criteria(shown, "candidateWishes")).as("the candidate's preferences are not in the pool row")
                    .isEmpty();
        }

        // The member herself gets the other-member row: height and marital status, but nobody's preferences.
        assertThat(members.recommendations(seeker)).hasSize(3).allSatisfy(shown -> {
            assertThat(shown).containsEntry("heightCm", 176).containsEntry("maritalStatus", "NEVER_MARRIED");
            assertThat(criteria(shown, "seekerWishes")).contains("HEIGHT", "MARITAL_STATUS");
            assertThat(criteria(shown, "candidateWishes")).isEmpty();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> candidates(Staffing.StaffMember matchmaker, Api.Registered seeker) {
        return api().as(matchmaker.token()).documentName("candidates").variable("memberId", seeker.memberId().toString())
                .variable("first", 50).execute().path("candidates").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> criteria(Map<String, Object> candidate, String side) {
        Map<String, Object> explanation = (Map<String, Object>) candidate.get("explanation");
        return ((List<Map<String, Object>>) explanation.get(side)).stream().map(c -> c.get("criterion")).toList();
    }
}
