package com.matchmaking.app.introduction;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Introductions over real GraphQL: the contact rule (nothing before both accepted, every look recorded in the viewed
 * member's log, nothing for anyone else), the weekly cap under concurrent proposals, blocks, meetings, outcome and
 * feedback, and bad input that stores nothing.
 */
class IntroductionGraphQlTest extends IntegrationTest {

    private Staffing staffing;
    private Staffing.StaffMember matchmaker;
    private Api.Registered alice;
    private Api.Registered bob;

    @BeforeEach
    void people() {
        staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        alice = api().register(TestMembers.fresh());
        bob = api().register(TestMembers.fresh());
        staffing.assign(alice.memberId(), matchmaker.staffId());
    }

    private GraphQlTester.Response propose(Api.Registered a, Api.Registered b, String note) {
        return api().as(matchmaker.token()).documentName("proposeIntroduction")
                .variable("memberA", a.memberId().toString()).variable("memberB", b.memberId().toString())
                .variable("note", note).execute();
    }

    private String proposed(Api.Registered a, Api.Registered b) {
        return propose(a, b, "Both like tea").path("proposeIntroduction.introductionId").entity(String.class).get();
    }

    private GraphQlTester.Response respond(Api.Registered member, String introductionId, boolean accept) {
        return api().as(member.token()).documentName("respondToIntroduction").variable("introductionId", introductionId)
                .variable("accept", accept).execute();
    }

    private Map<String, Object> partnerWithContact(Api.Registered member, String introductionId) {
        List<Map<String, Object>> all = api().as(member.token()).documentName("myIntroductionsWithContact").execute()
                .path("myIntroductions").entityList(mapType()).get();
        return all.stream().filter(i -> introductionId.equals(i.get("introductionId"))).findFirst()
                .map(i -> map(i.get("partner"))).orElseThrow();
    }

    private List<Map<String, Object>> accessLog(Api.Registered member) {
        return api().as(member.token()).documentName("myAccessLog").execute().path("myAccessLog").entityList(mapType()).get();
    }

    private int eventsOf(UUID... subjects) {
        int count = 0;
        for (UUID subject : subjects) {
            count += jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Integer.class, subject.toString());
        }
        return count;
    }

    @Test
    void contactFlowsOnlyAfterBothAcceptedAndEveryLookIsRecorded() {
        String id = proposed(alice, bob);
        assertThat(partnerWithContact(alice, id)).containsEntry("memberId", bob.memberId().toString())
                .containsEntry("erased", false).containsEntry("contact", null);
        assertThat((String) partnerWithContact(alice, id).get("name")).endsWith("*").doesNotContain(bob.data().marker());

        respond(alice, id, true).path("respondToIntroduction.myResponse").entity(String.class).isEqualTo("ACCEPTED");
        assertThat(partnerWithContact(alice, id).get("contact")).isNull();
        assertThat(partnerWithContact(bob, id).get("contact")).isNull();
        assertThat(accessLog(bob)).noneMatch(e -> "CONTACT_VIEW".equals(e.get("kind")));

        respond(bob, id, true).path("respondToIntroduction.status").entity(String.class).isEqualTo("CONFIRMED");
        Map<String, Object> contact = map(partnerWithContact(alice, id).get("contact"));
        assertThat(contact).containsEntry("phone", bob.data().storedPhone()).containsEntry("wechatId", bob.data().wechatId());
        partnerWithContact(alice, id);

        List<Map<String, Object>> views = accessLog(bob).stream().filter(e -> "CONTACT_VIEW".equals(e.get("kind"))).toList();
        assertThat(views).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("actorId")).isEqualTo(alice.memberId().toString());
            assertThat(e.get("actorRole")).isEqualTo("MEMBER");
        });
        assertThat(accessLog(alice)).noneMatch(e -> "CONTACT_VIEW".equals(e.get("kind")));

        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        List<Map<String, Object>> trail = api().as(compliance.token()).documentName("auditTrail")
                .variable("subjectId", bob.memberId().toString()).execute().path("auditTrail").entityList(mapType()).get();
        assertThat(trail).filteredOn(e -> "MemberContactViewed".equals(e.get("event"))).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("category")).isEqualTo("ACCESS"));
    }

    @Test
    void aMatchmakerSeeingAnIntroductionsRecordsIsRecordedOnBothMembers() {
        String id = proposed(alice, bob);
        respond(alice, id, true);
        respond(bob, id, true);
        api().as(bob.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "Talked for hours").execute().path("giveIntroductionFeedback.myFeedback").hasValue();
        List<Map<String, Object>> before = recordsViews(alice);

        api().as(matchmaker.token()).documentName("introductions").variable("memberId", alice.memberId().toString())
                .execute().path("introductions[0].feedbackB").entity(String.class).isEqualTo("Talked for hours");

        for (Api.Registered member : List.of(alice, bob)) {
            assertThat(recordsViews(member)).as("the proposal's answer and the listing each showed the records")
                    .hasSize(before.size() + 1).allSatisfy(e -> {
                        assertThat(e.get("actorId")).isEqualTo(matchmaker.staffId().toString());
                        assertThat(e.get("actorRole")).isEqualTo("MATCHMAKER");
                        assertThat(e.get("reason")).isEqualTo("introduction " + id);
                    });
        }
        Staffing.StaffMember compliance = staffing.cleared(Role.COMPLIANCE);
        List<Map<String, Object>> trail = api().as(compliance.token()).documentName("auditTrail")
                .variable("subjectId", bob.memberId().toString()).execute().path("auditTrail").entityList(mapType()).get();
        assertThat(trail).filteredOn(e -> "IntroductionRecordsViewed".equals(e.get("event"))).hasSize(before.size() + 1)
                .allSatisfy(e -> assertThat(e.get("category")).isEqualTo("ACCESS"));
    }

    private List<Map<String, Object>> recordsViews(Api.Registered member) {
        return accessLog(member).stream().filter(e -> "INTRODUCTION_RECORDS_VIEW".equals(e.get("kind"))).toList();
    }

    @Test
    void aThirdMemberSeesNothingAndCannotAnswer() {
        String id = proposed(alice, bob);
        respond(alice, id, true);
        respond(bob, id, true);
        Api.Registered carol = api().register(TestMembers.fresh());
        int before = eventsOf(alice.memberId(), bob.memberId(), UUID.fromString(id));

        api().as(carol.token()).documentName("myIntroductions").execute().path("myIntroductions").entityList(Object.class)
                .hasSize(0);
        assertRefused(respond(carol, id, false), "NOT_FOUND", "No such introduction");
        assertRefused(api().as(carol.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "Sneaky").execute(), "NOT_FOUND", "No such introduction");
        assertThat(eventsOf(alice.memberId(), bob.memberId(), UUID.fromString(id))).isEqualTo(before);
        assertThat(respond(alice, id, true).path("respondToIntroduction.status").entity(String.class).get())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aDeclineEndsTheIntroductionAndTheTwoAreNotProposedAgain() {
        String id = proposed(alice, bob);
        respond(bob, id, false).path("respondToIntroduction.status").entity(String.class).isEqualTo("DECLINED");
        assertRefused(respond(alice, id, true), "CONFLICT", "takes no more answers");
        assertRefused(propose(bob, alice, null), "CONFLICT", "already introduced");
        assertThat(partnerWithContact(alice, id).get("contact")).isNull();
    }

    @Test
    void aMatchmakerLooksAfterAtLeastOneOfTheTwo() {
        Api.Registered carol = api().register(TestMembers.fresh());
        assertRefused(propose(bob, carol, null), "NOT_FOUND", "No such member");
        assertRefused(propose(alice, alice, null), "BAD_REQUEST", "two different members");
        assertRefused(propose(alice, bob, "x".repeat(2001)), "BAD_REQUEST", "note");
        Staffing.StaffMember other = staffing.cleared(Role.MATCHMAKER);
        assertRefused(api().as(other.token()).documentName("introductions").variable("memberId", alice.memberId().toString())
                .execute(), "NOT_FOUND", "No such member");
        assertRefused(api().as(alice.token()).documentName("proposeIntroduction").variable("memberA", alice.memberId().toString())
                .variable("memberB", bob.memberId().toString()).execute(), "FORBIDDEN", "role");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction WHERE member_a = ? OR member_b = ?", Integer.class,
                alice.memberId(), alice.memberId())).isZero();
    }

    @Test
    void aBlockInEitherDirectionPreventsProposals() {
        api().as(bob.token()).documentName("blockMember").variable("memberId", alice.memberId().toString()).execute()
                .path("blockMember.blockedMembers").entityList(String.class).containsExactly(alice.memberId().toString());
        assertRefused(propose(alice, bob, null), "CONFLICT", "cannot be introduced");
        assertRefused(api().as(bob.token()).documentName("blockMember").variable("memberId", bob.memberId().toString())
                .execute(), "BAD_REQUEST", "themselves");
        assertRefused(api().as(bob.token()).documentName("blockMember").variable("memberId", UUID.randomUUID().toString())
                .execute(), "NOT_FOUND", "No such member");
    }

    @Test
    void pausedOrSuspendedMembersAreNotProposed() {
        // Both the matchmaker's: another matchmaker's member out of matching is answered as no member at all
        // (MatchmakerRefusalsTest).
        staffing.assign(bob.memberId(), matchmaker.staffId());
        api().as(bob.token()).documentName("pauseMatching").execute().path("pauseMatching.paused").entity(Boolean.class)
                .isEqualTo(true);
        assertRefused(propose(alice, bob, null), "CONFLICT", "not in matching");
        api().as(bob.token()).documentName("resumeMatching").execute().path("resumeMatching.paused").entity(Boolean.class)
                .isEqualTo(false);

        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        api().as(service.token()).documentName("suspendMember").variable("memberId", bob.memberId().toString())
                .variable("reason", "Complaint under review").execute().path("suspendMember").entity(Boolean.class).isEqualTo(true);
        api().as(bob.token()).documentName("myMatchingStatus").execute().path("myMatchingStatus.suspended")
                .entity(Boolean.class).isEqualTo(true);
        assertRefused(propose(alice, bob, null), "CONFLICT", "not in matching");
        assertRefused(api().as(service.token()).documentName("suspendMember").variable("memberId", bob.memberId().toString())
                .variable("reason", "   ").execute(), "BAD_REQUEST", "reason");
        api().as(service.token()).documentName("reinstateMember").variable("memberId", bob.memberId().toString()).execute()
                .path("reinstateMember").entity(Boolean.class).isEqualTo(true);
        propose(alice, bob, null).path("proposeIntroduction.status").entity(String.class).isEqualTo("PROPOSED");
    }

    @Test
    void meetingsOutcomeAndFeedbackFollowAConfirmedIntroduction() {
        String id = proposed(alice, bob);
        assertRefused(api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", id)
                .variable("meetingAt", "2026-12-05T10:00:00Z").variable("place", "Tea house").execute(), "CONFLICT", "both members accepted");
        respond(alice, id, true);
        respond(bob, id, true);
        api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", id)
                .variable("meetingAt", "2026-12-05T10:00:00Z").variable("place", "Tea house on West Lake").execute()
                .path("recordMeeting.meetings[0].place").entity(String.class).isEqualTo("Tea house on West Lake");
        assertRefused(api().as(matchmaker.token()).documentName("recordMeeting").variable("introductionId", id)
                .variable("meetingAt", "2026-12-05T10:00:00Z").variable("place", " ").execute(), "BAD_REQUEST", "place");
        api().as(bob.token()).documentName("giveIntroductionFeedback").variable("introductionId", id)
                .variable("text", "A lovely afternoon").execute()
                .path("giveIntroductionFeedback.myFeedback").entity(String.class).isEqualTo("A lovely afternoon");
        api().as(matchmaker.token()).documentName("recordIntroductionOutcome").variable("introductionId", id)
                .variable("outcome", "CONTINUING").execute()
                .path("recordIntroductionOutcome.outcome").entity(String.class).isEqualTo("CONTINUING")
                .path("recordIntroductionOutcome.feedbackB").entity(String.class).isEqualTo("A lovely afternoon");

        Map<String, Object> mine = api().as(alice.token()).documentName("myIntroductions").execute()
                .path("myIntroductions[0]").entity(mapType()).get();
        assertThat(mine).containsEntry("outcome", "CONTINUING").containsEntry("myFeedback", null)
                .containsEntry("partnerResponse", "ACCEPTED");
        assertThat(mine.get("meetings")).asList().hasSize(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT introduction_outcome FROM analytics_member WHERE member_id IN (?, ?)", String.class,
                alice.memberId(), bob.memberId())).as("analytics keeps the outcome for both").containsExactly("CONTINUING", "CONTINUING"));

        Staffing.StaffMember stranger = staffing.cleared(Role.MATCHMAKER);
        assertRefused(api().as(stranger.token()).documentName("recordIntroductionOutcome").variable("introductionId", id)
                .variable("outcome", "ENDED").execute(), "NOT_FOUND", "No such introduction");
    }

    @Test
    void theWeeklyCapHoldsUnderConcurrentProposals() throws Exception {
        List<Api.Registered> partners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            partners.add(api().register(TestMembers.fresh()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Api.Registered partner : partners) {
                Callable<Boolean> call = () -> {
                    List<String> classifications = new ArrayList<>();
                    propose(alice, partner, null).errors().satisfy(errors -> errors.forEach(e ->
                            classifications.add(String.valueOf(e.getExtensions().get("classification")))));
                    assertThat(classifications).isSubsetOf("CONFLICT");
                    return classifications.isEmpty();
                };
                results.add(pool.submit(call));
            }
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            assertThat(accepted).as("proposals within the weekly cap of 3").isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction WHERE member_a = ? OR member_b = ?", Integer.class,
                alice.memberId(), alice.memberId())).isEqualTo(3);
        assertRefused(propose(alice, api().register(TestMembers.fresh()), null), "CONFLICT", "at most 3");
    }

    @Test
    void twoConcurrentProposalsOfTheSamePairMakeOneIntroduction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Api.Registered first = i == 0 ? alice : bob;
                Api.Registered second = i == 0 ? bob : alice;
                results.add(pool.submit(() -> {
                    List<String> classifications = new ArrayList<>();
                    propose(first, second, null).errors().satisfy(errors -> errors.forEach(e ->
                            classifications.add(String.valueOf(e.getExtensions().get("classification")))));
                    return classifications;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).containsExactly("CONFLICT");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction WHERE member_a = ? OR member_b = ?", Integer.class,
                alice.memberId(), alice.memberId())).isEqualTo(1);
    }

    static void assertRefused(GraphQlTester.Response response, String classification, String messagePart) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", classification);
            assertThat(error.getMessage()).contains(messagePart).doesNotContain("Exception", "\tat ");
        }));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }
}
