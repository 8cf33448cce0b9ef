package com.matchmaking.app.candidates;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IsolatedIntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory pool may lag the matching table (another node's changes reach it at the next refresh); what is shown
 * must not. Here the pool looks at the table only when this node's projection commits (the interval is an hour in
 * {@link IsolatedIntegrationTest}'s application), and the table is changed behind its back the way another node's
 * projection would change it: a new revision with each row. The search must answer from the table.
 */
@Order(3)
class CandidateRecheckTest extends IsolatedIntegrationTest {

    @Test
    void changesThePoolHasNotSeenAreShownAsTheTableHasThem() {
        CityMembers members = new CityMembers(api());
        Api.Registered seeker = members.pair("FEMALE");
        Api.Registered paused = members.pair("MALE");
        Api.Registered moved = members.pair("MALE");
        Api.Registered erased = members.pair("MALE");
        Api.Registered taller = members.pair("MALE");
        Api.Registered unchanged = members.pair("MALE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(members.recommendations(seeker)))
                .containsExactlyInAnyOrder(ids(paused, moved, erased, taller, unchanged)));

        changeBehindThePool(paused.memberId(), "UPDATE matching_profile SET paused = true WHERE member_id = ?");
        changeBehindThePool(moved.memberId(), "UPDATE matching_profile SET city = 'Elsewhere' WHERE member_id = ?");
        changeBehindThePool(taller.memberId(), "UPDATE matching_profile SET height_cm = 191 WHERE member_id = ?");
        jdbc.update("DELETE FROM matching_sync WHERE member_id = ?", erased.memberId());
        jdbc.update("DELETE FROM matching_profile WHERE member_id = ?", erased.memberId());

        List<Map<String, Object>> shown = members.recommendations(seeker);
        assertThat(ids(shown)).containsExactlyInAnyOrder(ids(taller, unchanged));
        assertThat(shown).filteredOn(c -> taller.memberId().toString().equals(c.get("memberId"))).singleElement()
                .satisfies(c -> assertThat(c.get("heightCm")).as("a changed row is read again").isEqualTo(191));
        assertThat(shown).filteredOn(c -> unchanged.memberId().toString().equals(c.get("memberId"))).singleElement()
                .satisfies(c -> assertThat(c.get("heightCm")).isEqualTo(176));
    }

    /** What the matching projection does on another node: change the row and give it the next revision. */
    private void changeBehindThePool(UUID memberId, String update) {
        jdbc.update(update, memberId);
        Long revision = jdbc.queryForObject(
                "UPDATE matching_state SET revision = revision + 1 WHERE id = 1 RETURNING revision", Long.class);
        jdbc.update("UPDATE matching_sync SET revision = ? WHERE member_id = ?", revision, memberId);
    }

    private static List<Object> ids(List<Map<String, Object>> candidates) {
        return candidates.stream().map(c -> c.get("memberId")).toList();
    }

    private static Object[] ids(Api.Registered... members) {
        return java.util.Arrays.stream(members).map(m -> m.memberId().toString()).toArray();
    }
}
