package com.matchmaking.app.storage;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Command handlers act on the state a snapshot holds. Someone who can write to PostgreSQL removes a member's legal
 * hold from the member's snapshot; the snapshot no longer verifies against its seal, so the member is sourced from
 * the events and the handler still sees the hold: placing it again is refused as a conflict.
 */
class SnapshotSealTest extends IntegrationTest {

    @Test
    void aLegalHoldRemovedFromASnapshotInSqlStillHolds() {
        Staffing.StaffMember compliance = new Staffing(api()).cleared(Role.COMPLIANCE);
        Api.Registered member = api().register(TestMembers.fresh());
        String id = member.memberId().toString();
        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", id)
                .variable("reason", "Court order 17").execute().path("placeLegalHold.memberId").entity(String.class).isEqualTo(id);
        long holdAt = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id);
        for (int i = 0; i < EventProcessingConfiguration.MEMBER_SNAPSHOT_THRESHOLD + 5; i++) {
            api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("city", "Seal-" + i)).execute()
                    .path("updateMyProfile.city").entity(String.class).isEqualTo("Seal-" + i);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number > ?", Integer.class, id, holdAt) == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshot_seal WHERE aggregate_identifier = ?", Integer.class, id))
                .as("the snapshot is sealed").isOne();

        int changed = jdbc.update("UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"legalHold\":true', '\"legalHold\":false'), 'UTF8') WHERE aggregate_identifier = ? "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"legalHold\":true%'", id);
        assertThat(changed).as("the snapshot held the hold, and no longer does").isOne();

        api().as(compliance.token()).documentName("placeLegalHold").variable("memberId", id)
                .variable("reason", "Court order 18").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        api().as(compliance.token()).documentName("releaseLegalHold").variable("memberId", id).execute()
                .path("releaseLegalHold").entity(Boolean.class).isEqualTo(true);
    }
}
