package com.matchmaking.app.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consultation notes over GraphQL: customer service writes and reads them (each reading an access event in the
 * member's log), no other role sees them, the member gets them in their export; and the export's introductions leave
 * the other side out.
 */
class ConsultationNotesTest extends IntegrationTest {

    private Staffing staffing;
    private Staffing.StaffMember service;
    private Api.Registered member;

    @BeforeEach
    void people() {
        staffing = new Staffing(api());
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
        member = api().register(TestMembers.fresh());
    }

    private GraphQlTester.Response add(String token, String text) {
        return api().as(token).documentName("addConsultationNote").variable("memberId", member.memberId().toString())
                .variable("text", text).execute();
    }

    private int memberEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class,
                member.memberId().toString());
    }

    @Test
    void customerServiceKeepsAndReadsNotesAndEachReadingIsRecorded() {
        String text = "Prefers meetings on weekends " + member.data().marker();
        add(service.token(), text).path("addConsultationNote.text").entity(String.class).isEqualTo(text)
                .path("addConsultationNote.staffId").entity(String.class).isEqualTo(service.staffId().toString());
        List<Map<String, Object>> notes = api().as(service.token()).documentName("consultationNotes")
                .variable("memberId", member.memberId().toString()).execute().path("consultationNotes")
                .entityList(mapType()).get();
        assertThat(notes).singleElement().satisfies(n -> assertThat(n.get("text")).isEqualTo(text));
        List<Map<String, Object>> log = api().as(member.token()).documentName("myAccessLog").execute().path("myAccessLog")
                .entityList(mapType()).get();
        assertThat(log).filteredOn(e -> "CONSULTATION_NOTES_VIEW".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e.get("actorId")).isEqualTo(service.staffId().toString()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%ConsultationNoteAdded' AND convert_from(payload, 'UTF8') LIKE ?", Integer.class,
                member.memberId().toString(), "%" + member.data().marker() + "%")).as("the note is stored encrypted").isZero();
    }

    @Test
    void noOtherRoleSeesTheNotes() {
        add(service.token(), "Asked about fees").path("addConsultationNote.noteId").hasValue();
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        for (String token : List.of(matchmaker.token(), member.token())) {
            assertRefused(api().as(token).documentName("consultationNotes").variable("memberId", member.memberId().toString())
                    .execute(), "FORBIDDEN");
            assertRefused(add(token, "Not mine to write"), "FORBIDDEN");
        }
    }

    @Test
    void badNotesAreRefusedAndStoreNothing() {
        int before = memberEvents();
        assertRefused(add(service.token(), "   "), "BAD_REQUEST");
        assertRefused(add(service.token(), "x".repeat(5001)), "BAD_REQUEST");
        assertRefused(api().as(service.token()).documentName("addConsultationNote")
                .variable("memberId", java.util.UUID.randomUUID().toString()).variable("text", "Hello").execute(), "NOT_FOUND");
        assertThat(memberEvents()).isEqualTo(before);
    }

    @Test
    void theExportHoldsNotesMatchingHistoryAndIntroductionsWithoutTheOtherSide() throws Exception {
        add(service.token(), "Consultation about the spring event").path("addConsultationNote.noteId").hasValue();
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        Api.Registered other = api().register(TestMembers.fresh());
        staffing.assign(member.memberId(), matchmaker.staffId());
        String id = api().as(matchmaker.token()).documentName("proposeIntroduction")
                .variable("memberA", member.memberId().toString()).variable("memberB", other.memberId().toString())
                .execute().path("proposeIntroduction.introductionId").entity(String.class).get();
        for (Api.Registered side : List.of(member, other)) {
            api().as(side.token()).documentName("respondToIntroduction").variable("introductionId", id)
                    .variable("accept", true).execute().path("respondToIntroduction.status").hasValue();
        }
        api().as(other.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "Their side " + other.data().marker()).execute().path("giveIntroductionFeedback").hasValue();
        api().as(member.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "My side").execute().path("giveIntroductionFeedback").hasValue();
        api().as(member.token()).documentName("pauseMatching").execute().path("pauseMatching.paused").hasValue();

        Map<String, Object> export = api().export(member.token());
        assertThat(export.get("consultationNotes")).asList().singleElement()
                .satisfies(n -> assertThat(((Map<?, ?>) n).get("text")).isEqualTo("Consultation about the spring event"));
        assertThat(((Map<?, ?>) export.get("matching")).get("paused")).isEqualTo(true);
        assertThat(export.get("introductions")).asList().singleElement().satisfies(i -> {
            Map<?, ?> intro = (Map<?, ?>) i;
            assertThat(intro.get("myResponse")).isEqualTo("ACCEPTED");
            assertThat(intro.get("myFeedback")).isEqualTo("My side");
            assertThat(intro.get("status")).isEqualTo("CONFIRMED");
        });
        String json = new ObjectMapper().writeValueAsString(export);
        assertThat(json).doesNotContain(other.memberId().toString()).doesNotContain(other.data().marker());
    }

    static void assertRefused(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("classification", classification)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
