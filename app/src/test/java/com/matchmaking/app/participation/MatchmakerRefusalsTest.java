package com.matchmaking.app.participation;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Membership of a marriage agency is itself sensitive. The attacker is a matchmaker probing ids (a neighbour's,
 * a colleague's client): every matchmaker operation that takes a member id answers an id that names no member
 * exactly as it answers another matchmaker's member (same classification, same message), and a proposal refused
 * because a member is out of matching says neither whether they paused or were suspended, nor, for someone else's
 * member, that they exist at all.
 */
class MatchmakerRefusalsTest extends IntegrationTest {

    private Staffing staffing;
    private Staffing.StaffMember matchmaker;
    private Staffing.StaffMember colleague;
    private Api.Registered mine;

    @BeforeEach
    void people() {
        staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        colleague = staffing.cleared(Role.MATCHMAKER);
        mine = api().register(TestMembers.fresh());
        staffing.assign(mine.memberId(), matchmaker.staffId());
    }

    /** A member of the colleague's, once every staff read model knows it. */
    private Api.Registered colleagues() {
        Api.Registered member = api().register(TestMembers.fresh());
        staffing.assign(member.memberId(), colleague.staffId());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE member_id = ? AND matchmaker_id = ?",
                Integer.class, member.memberId(), colleague.staffId()) == 1);
        return member;
    }

    @Test
    void anIdThatIsNoMemberAndAnotherMatchmakersMemberAreAnsweredAlike() {
        String theirs = colleagues().memberId().toString();
        String alsoTheirs = colleagues().memberId().toString();
        String nobody = UUID.randomUUID().toString();
        Map<String, Function<String, GraphQlTester.Response>> operations = Map.of(
                "candidates", id -> as().documentName("candidates").variable("memberId", id).execute(),
                "introductions", id -> as().documentName("introductions").variable("memberId", id).execute(),
                "memberProfile", id -> as().documentName("memberProfile").variable("memberId", id).execute(),
                "revealField", id -> as().documentName("revealField").variable("memberId", id).variable("field", "PHONE")
                        .variable("reason", "Arranging a first meeting").execute(),
                "requestDataShare", id -> as().documentName("requestDataShare").variable("memberId", id)
                        .variable("recipient", "Wedding photographer").variable("purpose", "Booking the engagement shoot")
                        .variable("fields", List.of("CITY")).execute(),
                "proposeIntroduction", id -> as().documentName("proposeIntroduction")
                        .variable("memberA", id).variable("memberB", alsoTheirs).execute());

        for (var operation : operations.entrySet()) {
            String forNobody = refusal(operation.getValue().apply(nobody));
            String forTheirs = refusal(operation.getValue().apply(theirs));
            assertThat(forTheirs).as(operation.getKey()).isEqualTo(forNobody)
                    .isEqualTo("NOT_FOUND No such member among those you may see");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM introduction WHERE member_a = ? OR member_b = ?",
                Integer.class, UUID.fromString(theirs), UUID.fromString(theirs))).isZero();
    }

    @Test
    void anotherMatchmakersMemberOutOfMatchingIsAnsweredAsNoMember() {
        Api.Registered paused = colleagues();
        api().as(paused.token()).documentName("pauseMatching").execute().path("pauseMatching.paused")
                .entity(Boolean.class).isEqualTo(true);
        Api.Registered suspended = colleagues();
        suspend(suspended);

        String forNobody = refusal(propose(mine, UUID.randomUUID()));
        assertThat(refusal(propose(mine, paused.memberId()))).isEqualTo(forNobody)
                .isEqualTo("NOT_FOUND No such member among those you may see");
        assertThat(refusal(propose(mine, suspended.memberId()))).isEqualTo(forNobody);
    }

    @Test
    void anOwnMemberPausedOrSuspendedIsRefusedWithOneAnswer() {
        Api.Registered paused = api().register(TestMembers.fresh());
        staffing.assign(paused.memberId(), matchmaker.staffId());
        api().as(paused.token()).documentName("pauseMatching").execute().path("pauseMatching.paused")
                .entity(Boolean.class).isEqualTo(true);
        Api.Registered suspended = api().register(TestMembers.fresh());
        staffing.assign(suspended.memberId(), matchmaker.staffId());
        suspend(suspended);

        String forPaused = refusal(propose(mine, paused.memberId()));
        String forSuspended = refusal(propose(mine, suspended.memberId()));
        assertThat(forPaused).isEqualTo(forSuspended).startsWith("CONFLICT ")
                .doesNotContainIgnoringCase("paus").doesNotContainIgnoringCase("suspend");
    }

    private GraphQlTester as() {
        return api().as(matchmaker.token());
    }

    private GraphQlTester.Response propose(Api.Registered a, UUID b) {
        return as().documentName("proposeIntroduction").variable("memberA", a.memberId().toString())
                .variable("memberB", b.toString()).execute();
    }

    private void suspend(Api.Registered member) {
        Staffing.StaffMember service = staffing.cleared(Role.CUSTOMER_SERVICE);
        api().as(service.token()).documentName("suspendMember").variable("memberId", member.memberId().toString())
                .variable("reason", "Complaint under review").execute().path("suspendMember").entity(Boolean.class)
                .isEqualTo(true);
    }

    /** The one error's classification and message: everything the caller learns from a refusal. */
    private static String refusal(GraphQlTester.Response response) {
        String[] seen = new String[1];
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                seen[0] = error.getErrorType() + " " + error.getMessage()));
        return seen[0];
    }
}
