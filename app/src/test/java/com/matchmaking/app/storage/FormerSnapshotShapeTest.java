package com.matchmaking.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member's features moved into aggregate members, which changed the shape of the member's snapshots. Read into
 * the new shape, a snapshot stored by the former one (every feature's fields at the top level, no revision) either
 * fails (the former {@code consents} array where an object is now expected: every command on the member fails) or
 * leaves the features it does not recognise empty (a legal hold silently gone). Such a snapshot is skipped and the
 * member sourced from their events. The snapshot here is a genuine one rewritten to the former shape and sealed again,
 * so only its revision tells it apart. Without {@code @Revision} on the member this test fails (checked).
 */
class FormerSnapshotShapeTest extends IntegrationTest {

    /** Where the former shape kept what the features now keep: feature field, its field, the former top-level name. */
    private static final List<String[]> FORMER_PLACES = List.of(
            new String[] {"consents", "given", "consents"},
            new String[] {"shares", "shares", "shares"},
            new String[] {"retention", "legalHold", "legalHold"},
            new String[] {"retention", "noticeIssuedAt", "retentionNoticeIssuedAt"},
            new String[] {"retention", "noticeDueAt", "retentionNoticeDueAt"},
            new String[] {"availability", "blocked", "blocked"},
            new String[] {"availability", "matchingPaused", "matchingPaused"},
            new String[] {"availability", "suspended", "suspended"});

    @Autowired
    private SnapshotSeals seals;

    @Test
    void aSnapshotOfTheFormerShapeIsSkippedAndTheMemberSourcedFromTheirEvents() throws Exception {
        Staffing.StaffMember compliance = new Staffing(api()).cleared(Role.COMPLIANCE);
        Api.Registered member = api().register(TestMembers.fresh());
        String id = member.memberId().toString();
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", id)
                .variable("reason", "Court order 19").execute().path("placeLegalHold.memberId").entity(String.class).isEqualTo(id);
        for (int i = 0; i < EventProcessingConfiguration.MEMBER_SNAPSHOT_THRESHOLD + 5; i++) {
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Shape-" + i)).execute()
                    .path("updateMyProfile.city").entity(String.class).isEqualTo("Shape-" + i);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, id) == 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM snapshot_event_entry WHERE aggregate_identifier = ?", id);
        assertThat(row.get("payload_revision")).as("snapshots carry the member's revision").isEqualTo("2");

        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree((byte[]) row.get("payload"));
        assertThat(payload.path("retention").path("legalHold").asBoolean()).as("the snapshot holds the hold").isTrue();
        for (String[] place : FORMER_PLACES) {
            payload.set(place[2], payload.path(place[0]).get(place[1]));
        }
        for (String feature : List.of("consents", "shares", "retention", "availability", "consultationNotes", "accessLog")) {
            if (payload.get(feature) != null && payload.get(feature).isObject()) {
                payload.remove(feature);
            }
        }
        assertThat(payload.path("legalHold").asBoolean()).as("the former shape holds the hold too").isTrue();
        byte[] former = json.writeValueAsBytes(payload);
        jdbc.update("UPDATE snapshot_event_entry SET payload = ?, payload_revision = NULL WHERE aggregate_identifier = ?",
                former, id);
        GenericDomainEventEntry<byte[]> rewritten = new GenericDomainEventEntry<>((String) row.get("type"), id,
                (Long) row.get("sequence_number"), (String) row.get("event_identifier"), row.get("time_stamp"),
                (String) row.get("payload_type"), null, former, (byte[]) row.get("meta_data"));
        seals.seal(rewritten);
        assertThat(seals.verifies(rewritten)).as("the rewritten snapshot is sealed: only its revision can set it aside").isTrue();

        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", id)
                .variable("reason", "Court order 20").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Shape-after")).execute()
                .path("updateMyProfile.city").entity(String.class).isEqualTo("Shape-after");
        assertThat(new String(former, StandardCharsets.UTF_8)).doesNotContain("\"retention\"");
    }
}
