package com.matchmaking.app.candidates;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.TestMembers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members registered over GraphQL in a city of their own test, for the matching tests: the database is shared with
 * other test classes, and members who require their city can only match each other.
 */
final class CityMembers {

    private final Api api;
    final String city;

    CityMembers(Api api) {
        this.api = api;
        this.city = "Matchville-" + TestMembers.fresh().marker();
    }

    /** A member of this city, 30, who requires the other gender and the city and softly wishes for 25 to 40. */
    Api.Registered pair(String gender) {
        Api.Registered member = member(gender, 30, "BACHELOR", gender.equals("MALE") ? 176 : 165, true);
        preferences(member, Map.of(
                "genders", Map.of("accepted", List.of(gender.equals("MALE") ? "FEMALE" : "MALE"), "required", true),
                "cities", Map.of("accepted", List.of(city), "required", true),
                "ageYears", Map.of("min", 25, "max", 40, "required", false, "weight", 4)));
        return member;
    }

    Api.Registered member(String gender, int age, String education, int heightCm, boolean personalised) {
        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> input = new HashMap<>(data.input());
        input.put("gender", gender);
        input.put("city", city);
        input.put("education", education);
        input.put("heightCm", heightCm);
        input.put("birthDate", LocalDate.now().minusYears(age).minusDays(40).toString());
        input.remove("incomeBand");
        input.put("consents", personalised ? List.of("PERSONALISED_RECOMMENDATIONS") : List.of());
        String id = api.anonymous().documentName("registerMember").variable("input", input)
                .execute().path("registerMember.memberId").entity(String.class).get();
        return new Api.Registered(UUID.fromString(id), api.confirm(data.email()), data);
    }

    void preferences(Api.Registered member, Map<String, Object> input) {
        api.as(member.token()).documentName("updateMyPreferences").variable("input", input).execute()
                .path("updateMyPreferences").hasValue();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> recommendations(Api.Registered member) {
        return api.as(member.token()).documentName("myRecommendations").execute().path("myRecommendations")
                .entity(List.class).get();
    }
}
