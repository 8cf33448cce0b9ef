package com.matchmaking.app.introduction;

import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.participation.ConsultationNote;
import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.matchmaking.app.introduction.IntroductionGraphQlTest.assertRefused;
import static com.matchmaking.app.introduction.IntroductionGraphQlTest.map;
import static com.matchmaking.app.introduction.IntroductionGraphQlTest.mapType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a member closes their introductions and destroys the introductions' keys: the other member sees an erased
 * partner with nothing personal left, the note, meetings and feedback are gone for everyone, and the erased member's
 * consultation notes with them.
 */
class IntroductionErasureTest extends IntegrationTest {

    @Autowired
    SubjectKeyVault vault;
    @Autowired
    SubjectHistory history;

    @Test
    void anErasedPartnerLeavesNothingPersonalInTheIntroduction() {
        Staffing staffing = new Staffing(api());
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        Api.Registered leaving = api().register(TestMembers.fresh());
        Api.Registered staying = api().register(TestMembers.fresh());
        staffing.assign(staying.memberId(), matchmaker.staffId());
        String id = api().as(matchmaker.token()).documentName("proposeIntroduction")
                .variable("memberA", leaving.memberId().toString()).variable("memberB", staying.memberId().toString())
                .variable("note", "Both teachers").execute().path("proposeIntroduction.introductionId").entity(String.class).get();
        for (Api.Registered side : List.of(leaving, staying)) {
            api().as(side.token()).documentName("respondToIntroduction").variable("introductionId", id)
                    .variable("accept", true).execute().path("respondToIntroduction.status").hasValue();
        }
        api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", id)
                .variable("meetingAt", "2026-12-05T10:00:00Z").variable("place", "Library cafe").execute()
                .path("recordMeeting.meetings").hasValue();
        api().as(staying.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "Kind and funny").execute().path("giveIntroductionFeedback.myFeedback").hasValue();
        api().as(service.token()).documentName("addConsultationNote").variable("memberId", leaving.memberId().toString())
                .variable("text", "Note about " + leaving.data().marker()).execute().path("addConsultationNote.noteId").hasValue();

        api().as(leaving.token()).documentName("requestErasure").execute().path("requestErasure.state")
                .entity(String.class).isEqualTo("ERASED");

        Map<String, Object> seen = api().as(staying.token()).documentName("myIntroductions").execute()
                .path("myIntroductions[0]").entity(mapType()).get();
        assertThat(seen).containsEntry("introductionId", id).containsEntry("status", "CLOSED")
                .containsEntry("myFeedback", null);
        assertThat(seen.get("meetings")).asList().isEmpty();
        Map<String, Object> partner = map(seen.get("partner"));
        assertThat(partner).containsEntry("memberId", null).containsEntry("erased", true).containsEntry("name", null)
                .containsEntry("city", null).containsEntry("aboutMe", null);
        assertThat(map(api().as(staying.token()).documentName("myIntroductionsWithContact").execute()
                .path("myIntroductions[0].partner").entity(mapType()).get())).containsEntry("contact", null);

        int viewsBefore = recordsViews(staying.memberId());
        Map<String, Object> staffSeen = api().as(matchmaker.token()).documentName("introductions")
                .variable("memberId", staying.memberId().toString()).execute().path("introductions[0]").entity(mapType()).get();
        assertThat(staffSeen).containsEntry("memberA", null).containsEntry("note", null).containsEntry("feedbackB", null);
        assertThat(recordsViews(staying.memberId())).as("records that are gone are not recorded as seen")
                .isEqualTo(viewsBefore).isPositive();

        assertThat(vault.isErased(UUID.fromString(id))).as("the introduction's key is destroyed").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction WHERE member_a = ? OR member_b = ?", Integer.class,
                leaving.memberId(), leaving.memberId())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction_member_lock WHERE member_id = ?", Integer.class,
                leaving.memberId())).isZero();
        assertThat(history.read(leaving.memberId(), ConsultationNote.ALL).orElseThrow()).singleElement()
                .satisfies(n -> assertThat(n.text()).doesNotContain(leaving.data().marker()));
        assertRefused(api().as(service.token()).documentName("consultationNotes")
                .variable("memberId", leaving.memberId().toString()).execute(), "NOT_FOUND", "No such member");
        assertRefused(api().as(staying.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "Again").execute(), "CONFLICT", "CLOSED");
    }

    private int recordsViews(UUID memberId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%IntroductionRecordsViewed'", Integer.class, memberId.toString());
    }
}
