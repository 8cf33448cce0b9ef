package com.matchmaking.app.security;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.DatabaseDump;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.matchmaking.app.security.InjectionDefenceTest.PAYLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payloads of {@link InjectionDefenceTest} through the matchmaking inputs: an introduction's note, a meeting's
 * place, a member's feedback, a suspension's reason and a consultation note. Each comes back exactly as given, is
 * stored only encrypted (no table holds it in the clear), and no query changed meaning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchmakingInjectionDefenceTest extends IntegrationTest {

    private Staffing.StaffMember matchmaker;
    private Staffing.StaffMember service;

    @BeforeAll
    void staff() {
        Staffing staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void introductionNotesPlacesFeedbackReasonsAndConsultationNotesAreStoredLiterally() {
        List<String> written = new ArrayList<>();
        int n = 0;
        for (String payload : PAYLOADS) {
            String tag = " #" + n++ + " ";
            Api.Registered a = api().register(TestMembers.fresh());
            Api.Registered b = api().register(TestMembers.fresh());
            new Staffing(api()).assign(a.memberId(), matchmaker.staffId());
            String id = a.memberId().toString();

            String note = "Note" + tag + payload;
            String introduction = api().as(matchmaker.token()).documentName("proposeIntroduction").variable("memberA", id)
                    .variable("memberB", b.memberId().toString()).variable("note", note).execute()
                    .path("proposeIntroduction.note").entity(String.class).isEqualTo(note)
                    .path("proposeIntroduction.introductionId").entity(String.class).get();
            for (Api.Registered side : List.of(a, b)) {
                api().as(side.token()).documentName("respondToIntroduction").variable("introductionId", introduction)
                        .variable("accept", true).execute().path("respondToIntroduction.introductionId").hasValue();
            }
            String place = "Tea house" + tag + payload;
            api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", introduction)
                    .variable("meetingAt", "2026-12-01T10:00:00Z").variable("place", place).execute()
                    .path("recordMeeting.meetings[0].place").entity(String.class).isEqualTo(place);
            String feedback = "Went well" + tag + payload;
            api().as(a.token()).documentName("giveIntroductionFeedback").variable("introductionId", introduction)
                    .variable("text", feedback).execute()
                    .path("giveIntroductionFeedback.myFeedback").entity(String.class).isEqualTo(feedback);
            List<Map<String, Object>> listed = api().as(matchmaker.token()).documentName("introductions").variable("memberId", id)
                    .execute().path("introductions").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(listed).singleElement().satisfies(i -> assertThat(i).containsEntry("note", note)
                    .containsEntry("feedbackA", feedback)
                    .containsEntry("meetings", List.of(Map.of("meetingAt", "2026-12-01T10:00:00Z", "place", place))));

            String consultation = "Called" + tag + payload;
            api().as(service.token()).documentName("addConsultationNote").variable("memberId", id).variable("text", consultation)
                    .execute().path("addConsultationNote.text").entity(String.class).isEqualTo(consultation);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api().as(service.token())
                    .documentName("consultationNotes").variable("memberId", id).execute()
                    .path("consultationNotes[*].text").entityList(String.class).get()).containsExactly(consultation));

            String reason = "Complaint" + tag + payload;
            api().as(service.token()).documentName("suspendMember").variable("memberId", b.memberId().toString())
                    .variable("reason", reason).execute().path("suspendMember").entity(Boolean.class).isEqualTo(true);
            assertThat(api().export(b.token()).toString()).as("the member's export holds the reason as given").contains(reason);
            written.addAll(List.of(note, place, feedback, consultation, reason));
        }

        DatabaseDump dump = DatabaseDump.of(jdbc);
        for (String value : written) {
            assertThat(dump.tablesContaining(value)).as("stored only encrypted: " + value).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('account', 'domain_event_entry')", Integer.class)).as("no table was dropped").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isPositive();
    }
}
