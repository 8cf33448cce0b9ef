package com.matchmaking.app.replay;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Processors;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.schema.account.Role;
import com.matchmaking.app.support.TestMembers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every read model from an empty table after erasures: the erased members' events are still in the log,
 * now unreadable, and must replay without a single failure into exactly the read models there were before.
 */
@Tag("external-postgres")
class ProjectionReplayTest extends IntegrationTest {

    /** Every read-model table the streaming processors maintain. */
    private static final List<String> READ_MODELS = List.of("matchmaker_member_card", "service_member_card", "staff_directory",
            "erasure_schedule", "leak_case", "analytics_member", "retention_schedule", "risk_alert", "data_share",
            "legal_hold", "matching_profile", "matching_exclusion");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void replayingEveryProjectionFromEmptyAfterErasuresGivesTheSameReadModels() {
        List<Api.Registered> erased = new ArrayList<>();
        List<Api.Registered> kept = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Registered member = api().register(TestMembers.fresh());
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Replay-" + i)).execute()
                    .path("updateMyProfile.city").hasValue();
            if (i % 2 == 0) {
                api().as(member.token()).documentName("requestErasure").execute().path("requestErasure.state").hasValue();
                erased.add(member);
            } else {
                kept.add(member);
            }
        }
        matchmakingSteps(kept, erased);
        Processors processors = new Processors(processing, eventStore);
        processors.awaitCaughtUp(Duration.ofSeconds(30));
        complianceRecords(kept);
        processors.awaitCaughtUp(Duration.ofSeconds(30));
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("service_member_card")).as("the shared database holds members to rebuild").hasSizeGreaterThanOrEqualTo(3);
        for (String table : List.of("risk_alert", "data_share", "legal_hold", "matching_profile", "matching_exclusion")) {
            assertThat(before.get(table)).as(table + " holds rows to rebuild").isNotEmpty();
        }

        processors.replayAll();
        processors.awaitCaughtUp(Duration.ofSeconds(60));

        assertThat(snapshot()).isEqualTo(before);
        for (Api.Registered member : erased) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class,
                    member.memberId())).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Integer.class))
                .as("no event failed during the replay").isZero();
    }

    /** Preferences, a pause and blocks (one of an erased member), for the matching read model. */
    private void matchmakingSteps(List<Api.Registered> kept, List<Api.Registered> erased) {
        api().as(kept.get(0).token()).documentName("updateMyPreferences").variable("input",
                Map.of("heightCm", Map.of("min", 160, "required", false, "weight", 4))).execute().path("updateMyPreferences").hasValue();
        api().as(kept.get(1).token()).documentName("pauseMatching").execute().path("pauseMatching.paused").entity(Boolean.class).isEqualTo(true);
        api().as(kept.get(2).token()).documentName("blockMember").variable("memberId", kept.get(0).memberId().toString())
                .execute().path("blockMember.blockedMembers").hasValue();
        // Blocking someone already erased is refused, and stores nothing.
        api().as(kept.get(0).token()).documentName("blockMember").variable("memberId", erased.get(0).memberId().toString())
                .execute().errors().satisfy(errors -> assertThat(errors).hasSize(1));
    }

    /** A share, a legal hold and an alert (failed logins of a staff account), for the compliance read models. */
    private void complianceRecords(List<Api.Registered> kept) {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        api().as(service.token()).documentName("requestDataShare").variable("memberId", kept.get(0).memberId().toString())
                .variable("recipient", "Replay Insurance").variable("purpose", "A quote to rebuild")
                .variable("fields", List.of("CITY")).execute().path("requestDataShare.shareId").hasValue();
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", kept.get(1).memberId().toString())
                .variable("reason", "A hold to rebuild").execute().path("placeLegalHold.memberId").hasValue();
        Staffing.StaffMember careless = staffing.cleared(Role.ANALYST);
        for (int i = 0; i < 5; i++) {
            api().anonymous().documentName("login").variable("username", careless.username()).variable("password", "wrong")
                    .execute().errors().satisfy(errors -> assertThat(errors).hasSize(1));
        }
    }

    private static List<Object> elements(java.sql.Array array) {
        try {
            return List.of((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new java.util.LinkedHashMap<>();
        for (String table : READ_MODELS) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1");
            // SQL arrays compare by identity; compare their contents.
            rows.forEach(row -> row.replaceAll((column, value) -> value instanceof java.sql.Array array ? elements(array) : value));
            tables.put(table, rows);
        }
        return tables;
    }
}
