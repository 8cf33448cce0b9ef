package com.matchmaking.app.introduction;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.matchmaking.app.introduction.IntroductionGraphQlTest.assertRefused;
import static com.matchmaking.app.introduction.IntroductionGraphQlTest.map;
import static com.matchmaking.app.introduction.IntroductionGraphQlTest.mapType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact can be taken back, over real GraphQL. The attacker is the other member of a confirmed introduction who
 * keeps reading the contact after the relation ended: after a withdrawal, a block in either direction or a
 * suspension of either, neither side sees a phone or WeChat id again, not even numbers changed afterwards, and no
 * further look is recorded as if one had been shown.
 */
class ContactTakenBackTest extends IntegrationTest {

    private Staffing staffing;
    private Api.Registered alice;
    private Api.Registered bob;
    private String introductionId;

    @BeforeEach
    void confirmedIntroduction() {
        staffing = new Staffing(api());
        Staffing.StaffMember matchmaker = staffing.cleared(Role.MATCHMAKER);
        alice = api().register(TestMembers.fresh());
        bob = api().register(TestMembers.fresh());
        staffing.assign(alice.memberId(), matchmaker.staffId());
        introductionId = api().as(matchmaker.token()).documentName("proposeIntroduction")
                .variable("memberA", alice.memberId().toString()).variable("memberB", bob.memberId().toString())
                .variable("note", "Both like hiking").execute().path("proposeIntroduction.introductionId")
                .entity(String.class).get();
        respond(alice, true);
        respond(bob, true);
        assertThat(map(partner(alice).get("contact"))).containsEntry("phone", bob.data().storedPhone())
                .containsEntry("wechatId", bob.data().wechatId());
        assertThat(map(partner(bob).get("contact"))).containsEntry("phone", alice.data().storedPhone());
    }

    @Test
    void aMemberWhoWithdrawsEndsTheContactBothWays() {
        Map<String, Object> answer = api().as(bob.token()).documentName("withdrawFromIntroduction")
                .variable("introductionId", introductionId).execute().path("withdrawFromIntroduction").entity(mapType())
                .get();
        assertThat(answer).containsEntry("status", "ENDED");
        assertThat(map(answer.get("partner")).get("contact")).isNull();

        assertNoContactEitherWay();
        String newPhone = changePhone(bob);
        assertNoContactEitherWay();
        assertThat(partner(alice).toString()).doesNotContain(newPhone, bob.data().phone(), bob.data().wechatId());
        assertThat(status(alice)).isEqualTo("ENDED");
        assertRefused(respond(alice, true), "CONFLICT", "takes no more answers");
    }

    @Test
    void aMemberWhoBlocksThePartnerEndsTheContactBothWays() {
        int viewsOfBob = contactViews(bob);
        api().as(bob.token()).documentName("blockMember").variable("memberId", alice.memberId().toString()).execute()
                .path("blockMember.blockedMembers").entityList(String.class).contains(alice.memberId().toString());

        assertNoContactEitherWay();
        changePhone(bob);
        changePhone(alice);
        assertNoContactEitherWay();
        assertThat(status(alice)).isEqualTo("ENDED");
        assertThat(contactViews(bob)).as("no look recorded once nothing is shown").isEqualTo(viewsOfBob);
    }

    @Test
    void aSuspendedMembersContactIsTakenBackAndStaysSoAfterReinstatement() {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        api().as(service.token()).documentName("suspendMember").variable("memberId", bob.memberId().toString())
                .variable("reason", "Complaint under review").execute().path("suspendMember").entity(Boolean.class)
                .isEqualTo(true);

        assertNoContactEitherWay();
        changePhone(bob);
        api().as(service.token()).documentName("reinstateMember").variable("memberId", bob.memberId().toString())
                .execute().path("reinstateMember").entity(Boolean.class).isEqualTo(true);
        assertNoContactEitherWay();
        assertThat(status(bob)).isEqualTo("ENDED");
    }

    @Test
    void aThirdMemberCannotWithdrawTheTwoFromTheirIntroduction() {
        Api.Registered carol = api().register(TestMembers.fresh());
        assertRefused(api().as(carol.token()).documentName("withdrawFromIntroduction")
                .variable("introductionId", introductionId).execute(), "NOT_FOUND", "No such introduction");
        assertThat(map(partner(alice).get("contact"))).containsEntry("phone", bob.data().storedPhone());
    }

    private void assertNoContactEitherWay() {
        assertThat(partner(alice).get("contact")).as("alice sees bob's contact").isNull();
        assertThat(partner(bob).get("contact")).as("bob sees alice's contact").isNull();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response respond(Api.Registered member, boolean accept) {
        return api().as(member.token()).documentName("respondToIntroduction").variable("introductionId", introductionId)
                .variable("accept", accept).execute();
    }

    private Map<String, Object> partner(Api.Registered member) {
        return map(introduction(member).get("partner"));
    }

    private String status(Api.Registered member) {
        return (String) introduction(member).get("status");
    }

    private Map<String, Object> introduction(Api.Registered member) {
        List<Map<String, Object>> all = api().as(member.token()).documentName("myIntroductionsWithContact").execute()
                .path("myIntroductions").entityList(mapType()).get();
        return all.stream().filter(i -> introductionId.equals(i.get("introductionId"))).findFirst().orElseThrow();
    }

    /** A new phone number and WeChat id, written after the contact was taken back; returns the phone as stored. */
    private String changePhone(Api.Registered member) {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        api().as(member.token()).documentName("updateMyProfile")
                .variable("input", Map.of("phone", phone, "wechatId", "wxnew" + phone)).execute()
                .path("updateMyProfile.phone").entity(String.class).isEqualTo("+86" + phone);
        return phone;
    }

    private int contactViews(Api.Registered member) {
        return (int) api().as(member.token()).documentName("myAccessLog").execute().path("myAccessLog")
                .entityList(mapType()).get().stream().filter(e -> "CONTACT_VIEW".equals(e.get("kind"))).count();
    }
}
