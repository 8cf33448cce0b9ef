package com.matchmaking.app.analytics;

import com.matchmaking.app.support.IsolatedIntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Analysts learn about members without seeing anyone: over real HTTP, on a population of its own (no other class has
 * registered anyone in {@link IsolatedIntegrationTest}'s application yet), no cell under k = 5 appears, a lone member
 * is never singled out, and differencing two groupings cannot isolate anyone either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2)
class DemographicsTest extends IsolatedIntegrationTest {

    private String analyst;

    @BeforeAll
    void population() {
        LocalDate birth = LocalDate.now().minusYears(32).minusDays(10);
        for (int i = 0; i < 7; i++) {
            register("Shanghai", "FEMALE", birth);
        }
        for (int i = 0; i < 4; i++) {
            register("Hangzhou", "FEMALE", birth);
        }
        register("Lhasa", "MALE", birth);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM analytics_member", Integer.class) == 12);
        analyst = new Staffing(api()).cleared(Role.ANALYST).token();
    }

    private void register(String city, String gender, LocalDate birthDate) {
        Map<String, Object> input = new HashMap<>(TestMembers.fresh().input());
        input.put("city", city);
        input.put("gender", gender);
        input.put("birthDate", birthDate.toString());
        api().anonymous().documentName("registerMember").variable("input", input).execute().path("registerMember.memberId").hasValue();
        api().confirm((String) input.get("email"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> cells(List<String> groupBy) {
        return api().as(analyst).documentName("demographics").variable("groupBy", groupBy).execute()
                .path("demographics.cells").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    @Test
    void smallGroupsNeverAppearAndTheLoneMemberIsNotSingledOut() {
        List<Map<String, Object>> byCity = cells(List.of("CITY"));

        assertThat(byCity).containsExactly(cell("city", "Shanghai", 7));
        for (List<String> grouping : List.of(List.of("GENDER"), List.of("CITY", "GENDER"), List.of("AGE_BAND", "EDUCATION"),
                List.of("CITY", "GENDER", "AGE_BAND", "EDUCATION", "STATUS", "INTRODUCTION_OUTCOME"))) {
            List<Map<String, Object>> cells = cells(grouping);
            assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat((Integer) c.get("count")).isGreaterThanOrEqualTo(5));
            assertThat(cells).noneSatisfy(c -> assertThat(c.get("gender")).isEqualTo("MALE"))
                    .noneSatisfy(c -> assertThat(c.get("city")).isIn("Lhasa", "Hangzhou"));
        }
    }

    @Test
    void differencingTwoOverlappingGroupingsCannotIsolateAnyone() {
        List<Map<String, Object>> byGender = cells(List.of("GENDER"));
        List<Map<String, Object>> byCityAndGender = cells(List.of("CITY", "GENDER"));
        int females = byGender.stream().filter(c -> "FEMALE".equals(c.get("gender"))).mapToInt(c -> (Integer) c.get("count")).sum();
        int femalesByCity = byCityAndGender.stream().filter(c -> "FEMALE".equals(c.get("gender")))
                .mapToInt(c -> (Integer) c.get("count")).sum();
        int total = byGender.stream().mapToInt(c -> (Integer) c.get("count")).sum();

        // Whatever is subtracted from whatever, the result is a group of nobody or of at least k.
        for (int difference : new int[] {females - femalesByCity, total - females, total - femalesByCity}) {
            assertThat(difference == 0 || difference >= 5).as("difference " + difference).isTrue();
        }
        assertThat(total).as("the 4 + 1 members of too-small groups are left out, not hidden in a total").isEqualTo(7);
    }

    @Test
    void analystsGetCountsOnlyNeverAnIdOrAName() {
        String answer = api().as(analyst).documentName("demographics").variable("groupBy", List.of("CITY", "AGE_BAND"))
                .execute().path("demographics").entity(Map.class).get().toString();

        assertThat(answer).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").doesNotContain("Zhang", "@example.com");
        api().as(analyst).documentName("demographics").variable("groupBy", List.of()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private static Map<String, Object> cell(String dimension, String value, int count) {
        Map<String, Object> cell = new HashMap<>();
        for (String d : List.of("ageBand", "gender", "city", "education", "status", "introductionOutcome")) {
            cell.put(d, null);
        }
        cell.put(dimension, value);
        cell.put("count", count);
        return cell;
    }
}
