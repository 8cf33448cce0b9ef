package com.matchmaking.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who changed and who saw a member's data, and why, over real HTTP: every event's metadata carries actor, role,
 * purpose, origin and correlation id; compliance reads a member's trail with personal values masked and the reasons
 * in full, and that look shows in the member's own access log, which names staff by id and role and nothing more.
 */
class AuditTrailTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStoredEventCarriesActorRolePurposeOriginAndCorrelationId() throws Exception {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Api.Registered member = api().register(TestMembers.fresh());
        awaitServiceCard(member.memberId());
        look(service, member, "Checking the address on file");
        api().export(member.token());
        api().as(member.token()).documentName("grantConsent").variable("purpose", "THIRD_PARTY_SHARING").execute()
                .path("grantConsent").hasValue();

        List<String> missing = new ArrayList<>();
        int[] events = {0};
        // This test's streams: its member's and its staff member's (another test appends bare events on purpose).
        jdbc.query("SELECT global_index, payload_type, meta_data FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)", rs -> {
            events[0]++;
            try {
                JsonNode meta = JSON.readTree(rs.getBytes("meta_data"));
                for (String key : List.of("actorId", "actorRole", "purpose", "origin", "correlationId", "traceId")) {
                    if (!meta.hasNonNull(key) || meta.get(key).asText().isBlank()) {
                        missing.add(rs.getLong("global_index") + " " + rs.getString("payload_type") + " lacks " + key);
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, member.memberId().toString(), service.staffId().toString());
        assertThat(events[0]).isGreaterThan(5);
        assertThat(missing).isEmpty();

        JsonNode reveal = metadataOf(member.memberId(), "MemberFieldRevealed");
        assertThat(reveal.get("actorId").asText()).isEqualTo(service.staffId().toString());
        assertThat(reveal.get("actorRole").asText()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(reveal.get("purpose").asText()).isEqualTo("reveal");
        assertThat(reveal.get("origin").asText()).isEqualTo("graphql");
        assertThat(reveal.toString()).as("metadata is in the clear: no reason, no personal value")
                .doesNotContain("Checking", member.data().marker());
        JsonNode export = metadataOf(member.memberId(), "MemberDataExported");
        assertThat(export.get("actorId").asText()).isEqualTo(member.memberId().toString());
        assertThat(export.get("actorRole").asText()).isEqualTo("MEMBER");
    }

    @Test
    void complianceReadsTheTrailMaskedWithReasonsInFullAndTheLookShowsInTheMembersAccessLog() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        TestMembers.Member data = TestMembers.fresh();
        Api.Registered member = api().register(data);
        api().as(member.token()).documentName("updateMyProfile").variable("input", Map.of("fullName", "Wang " + data.marker()))
                .execute().path("updateMyProfile.fullName").hasValue();
        awaitServiceCard(member.memberId());
        String reason = "Returning the call about invoice 4471";
        look(service, member, reason);
        api().export(member.token());

        List<Map<String, Object>> trail = trail(compliance, member.memberId(), null, null);

        assertThat(trail).extracting(e -> e.get("event")).startsWith("MemberRegistered", "ProfileUpdated")
                .contains("MemberProfileViewed", "MemberFieldRevealed", "MemberDataExported", "MemberAuditTrailViewed");
        assertThat(trail).extracting(e -> ((Number) e.get("sequence")).intValue()).isSorted();
        Map<String, Object> registered = trail.get(0);
        assertThat(registered).containsEntry("category", "CHANGE").containsEntry("actorRole", "MEMBER")
                .containsEntry("actorId", member.memberId().toString()).containsEntry("purpose", "registration")
                .containsEntry("origin", "graphql");
        assertThat(registered.get("correlationId")).isNotNull();
        assertThat(values(registered)).containsEntry("fullName", Masking.name(data.fullName()))
                .containsEntry("phone", Masking.phone(data.storedPhone())).containsEntry("email", Masking.email(data.email()))
                .containsEntry("city", "***").containsEntry("aboutMe", "***").containsEntry("acceptedPrivacyPolicyVersion", "2026-11");
        Map<String, Object> changed = trail.get(1);
        assertThat(values(changed)).as("a change shows the fields it changed, masked")
                .containsEntry("fullName", Masking.name("Wang " + data.marker())).doesNotContainKey("phone")
                .containsEntry("changedFields", "[\"FULL_NAME\"]");
        Map<String, Object> revealed = trail.stream().filter(e -> e.get("event").equals("MemberFieldRevealed")).findFirst().orElseThrow();
        assertThat(revealed).containsEntry("category", "ACCESS").containsEntry("actorId", service.staffId().toString())
                .containsEntry("actorRole", "CUSTOMER_SERVICE").containsEntry("purpose", "reveal");
        assertThat(values(revealed)).containsEntry("field", "PHONE").containsEntry("reason", reason);
        assertThat(trail.toString()).as("no personal value in the clear")
                .doesNotContain(data.fullName(), data.email(), data.storedPhone(), data.phone(), data.city(), data.aboutMe(),
                        data.occupation(), data.wechatId(), data.birthDate().toString(), "Wang " + data.marker());

        Instant revealedAt = Instant.parse((String) revealed.get("at"));
        assertThat(trail(compliance, member.memberId(), revealedAt, null)).extracting(e -> e.get("event"))
                .doesNotContain("MemberRegistered", "ProfileUpdated").contains("MemberFieldRevealed");
        assertThat(trail(compliance, member.memberId(), null, revealedAt.minusNanos(1_000))).extracting(e -> e.get("event"))
                .contains("MemberRegistered").doesNotContain("MemberFieldRevealed");

        List<Map<String, Object>> log = accessLog(member);
        assertThat(log).extracting(e -> e.get("kind"))
                .contains("PROFILE_VIEW", "REVEAL", "EXPORT", "AUDIT_TRAIL_VIEW");
        assertThat(log).filteredOn(e -> e.get("kind").equals("REVEAL")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("actorId", service.staffId().toString()).containsEntry("actorRole", "CUSTOMER_SERVICE")
                .containsEntry("fields", List.of("PHONE")).containsEntry("reason", reason));
        assertThat(log).filteredOn(e -> e.get("kind").equals("AUDIT_TRAIL_VIEW")).isNotEmpty().allSatisfy(e -> assertThat(e)
                .containsEntry("actorId", compliance.staffId().toString()).containsEntry("actorRole", "COMPLIANCE"));
        assertThat(log).filteredOn(e -> e.get("kind").equals("EXPORT")).allSatisfy(e -> assertThat(e)
                .containsEntry("actorId", member.memberId().toString()).containsEntry("actorRole", "MEMBER"));
        assertThat(log.toString()).as("staff are named by id and role, never more")
                .doesNotContain("Staff " + service.username(), service.username(), compliance.username());
    }

    @Test
    void aStaffAccountsTrailMasksTheirPersonalDataAndUnknownOrErasedSubjectsBehave() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        Staffing.StaffMember matchmaker = staffing.uncleared(Role.MATCHMAKER);

        List<Map<String, Object>> staffTrail = trail(compliance, matchmaker.staffId(), null, null);
        assertThat(staffTrail).extracting(e -> e.get("event")).containsExactly("StaffCreated");
        assertThat(values(staffTrail.get(0))).containsEntry("username", "***").containsEntry("displayName", "***")
                .containsEntry("passwordHash", "***").containsEntry("roles", "[\"MATCHMAKER\"]");
        assertThat(staffTrail.toString()).doesNotContain(matchmaker.username());

        compliance(compliance).documentName("auditTrail").variable("subjectId", UUID.randomUUID().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));

        TestMembers.Member data = TestMembers.fresh();
        Api.Registered erased = api().register(data);
        for (int i = 0; i < 26; i++) {
            api().as(erased.token()).documentName("updateMyProfile").variable("input", Map.of("heightCm", 150 + i)).execute()
                    .path("updateMyProfile.heightCm").hasValue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshots(erased.memberId()) > 0);
        api().as(erased.token()).documentName("requestErasure").execute().path("requestErasure.state")
                .entity(String.class).isEqualTo("ERASED");
        List<Map<String, Object>> erasedTrail = trail(compliance, erased.memberId(), null, null);
        assertThat(erasedTrail).extracting(e -> e.get("event")).startsWith("MemberRegistered", "ProfileUpdated")
                .endsWith("ErasureRequested", "MemberErased").doesNotContain("MemberAuditTrailViewed");
        assertThat(values(erasedTrail.get(0))).containsEntry("fullName", "[erased]").containsEntry("city", "[erased]");
        assertThat(erasedTrail.toString()).doesNotContain(data.marker());
        assertThat(snapshots(erased.memberId()))
                .as("looking at an erased member's trail loads their history but snapshots nothing again").isZero();
    }

    private void look(Staffing.StaffMember staff, Api.Registered member, String reason) {
        api().as(staff.token()).documentName("memberProfile").variable("memberId", member.memberId().toString()).execute()
                .path("memberProfile.memberId").hasValue();
        api().as(staff.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "PHONE").variable("reason", reason).execute()
                .path("revealField").entity(String.class).isEqualTo(member.data().storedPhone());
    }

    private GraphQlTester compliance(Staffing.StaffMember officer) {
        return api().as(officer.token());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> trail(Staffing.StaffMember officer, UUID subject, Instant from, Instant to) {
        return compliance(officer).documentName("auditTrail").variable("subjectId", subject.toString())
                .variable("from", from == null ? null : from.toString()).variable("to", to == null ? null : to.toString())
                .execute().path("auditTrail").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLog(Api.Registered member) {
        return api().as(member.token()).documentName("myAccessLog").execute().path("myAccessLog").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> entry) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Map<String, Object> value : (List<Map<String, Object>>) entry.get("values")) {
            values.put((String) value.get("field"), value.get("value"));
        }
        return values;
    }

    private JsonNode metadataOf(UUID memberId, String eventType) throws Exception {
        byte[] bytes = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ? ORDER BY global_index DESC LIMIT 1", byte[].class, memberId.toString(), "%." + eventType);
        return JSON.readTree(bytes);
    }

    private int snapshots(UUID memberId) {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class,
                memberId.toString());
    }

    private void awaitServiceCard(UUID memberId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM service_member_card WHERE member_id = ?", Integer.class, memberId) == 1);
    }
}
