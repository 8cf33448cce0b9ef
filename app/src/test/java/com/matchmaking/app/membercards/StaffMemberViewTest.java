package com.matchmaking.app.membercards;

import com.matchmaking.app.support.Api;
import com.matchmaking.app.support.IntegrationTest;
import com.matchmaking.app.support.Staffing;
import com.matchmaking.app.support.TableAssertions;
import com.matchmaking.app.support.TestMembers;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each staff audience sees a member exactly as the authorisation table says, through its own read model; anything
 * unmasked is an explicit reveal with a reason, recorded before the value is read.
 */
@Tag("external-postgres")
class StaffMemberViewTest extends IntegrationTest {

    /** A well-formed resident ID number with a correct check digit, encoding the birth date 1990-03-07. */
    private static final String VALID_ID = "110101199003071233";

    private Staffing staffing;
    private Staffing.StaffMember matchmaker;
    private Staffing.StaffMember service;
    private Api.Registered member;

    @BeforeEach
    void people() {
        staffing = new Staffing(api());
        matchmaker = staffing.cleared(Role.MATCHMAKER);
        service = staffing.cleared(Role.CUSTOMER_SERVICE);
        TestMembers.Member data = TestMembers.fresh();
        member = api().register(data);
        api().as(member.token()).documentName("updateMyPreferences")
                .variable("input", Map.of("ageYears", Map.of("min", 30, "max", 45, "required", true))).execute()
                .path("updateMyPreferences").hasValue();
        staffing.assign(member.memberId(), matchmaker.staffId());
        awaitCards(member);
    }

    private void awaitCards(Api.Registered who) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM matchmaker_member_card m JOIN service_member_card s USING (member_id)
                WHERE member_id = ? AND m.preferences IS NOT NULL
                """, Integer.class, who.memberId()) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT matchmaker_id IS NOT NULL FROM matchmaker_member_card WHERE member_id = ?", Boolean.class, who.memberId()));
    }

    @Test
    void anAssignedMatchmakerSeesExactlyWhatTheTableGivesThatAudience() {
        Map<String, Object> card = profile(matchmaker, null);
        TableAssertions.assertMatchesTable(card, Audience.MATCHMAKER_ASSIGNED, member.data());
        assertThat(card).containsEntry("view", "MATCHMAKER_ASSIGNED");
        assertThat((String) card.get("preferences")).contains("\"min\":30");
    }

    @Test
    void customerServiceSeesExactlyWhatTheTableGivesThatAudience() {
        Map<String, Object> card = profile(service, null);
        TableAssertions.assertMatchesTable(card, Audience.CUSTOMER_SERVICE, member.data());
        assertThat(card).containsEntry("view", "CUSTOMER_SERVICE");
    }

    @Test
    void anotherMatchmakerSeesTheMemberNeitherAsAssignedNorInThePool() {
        Staffing.StaffMember other = staffing.cleared(Role.MATCHMAKER);

        api().as(other.token()).documentName("memberProfile").variable("memberId", member.memberId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        List<String> assigned = ids(api().as(other.token()), Map.of(), null);
        List<String> pool = ids(api().as(other.token()), Map.of("scope", "POOL"), null);
        assertThat(assigned).doesNotContain(member.memberId().toString());
        assertThat(pool).doesNotContain(member.memberId().toString());
    }

    @Test
    void unassignedMembersAppearInThePoolWithMinimalCardsOnly() {
        Api.Registered unassigned = api().register(TestMembers.fresh());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE member_id = ?", Integer.class, unassigned.memberId()) == 1);

        Map<String, Object> card = profile(matchmaker, unassigned.memberId().toString());

        assertThat(card).containsEntry("view", "MATCHMAKER_POOL");
        TableAssertions.assertMatchesTable(card, Audience.MATCHMAKER_POOL, unassigned.data());
    }

    @Test
    void aRevealNeedsAReasonIsRecordedFirstAndReturnsTheValue() {
        int revealsBefore = accessEvents("MemberFieldRevealed");

        api().as(service.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "PHONE").variable("reason", "x").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        assertThat(accessEvents("MemberFieldRevealed")).isEqualTo(revealsBefore);

        api().as(service.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "PHONE").variable("reason", "Member called about a missed meeting").execute()
                .path("revealField").entity(String.class).isEqualTo(member.data().storedPhone());
        api().as(matchmaker.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "FULL_NAME").variable("reason", "Preparing the introduction letter").execute()
                .path("revealField").entity(String.class).isEqualTo(member.data().fullName());
        assertThat(accessEvents("MemberFieldRevealed")).isEqualTo(revealsBefore + 2);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> accessLog = (List<Map<String, Object>>) api().export(member.token()).get("accessLog");
        assertThat(accessLog).anySatisfy(entry -> {
            assertThat(entry).containsEntry("event", "MemberFieldRevealed");
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) entry.get("values");
            assertThat(values).containsEntry("field", "PHONE").containsEntry("staffId", service.staffId().toString())
                    .containsEntry("staffRole", "CUSTOMER_SERVICE").containsEntry("reason", "Member called about a missed meeting");
        });
    }

    @Test
    void aMatchmakerCannotRevealAMemberWhoIsNotTheirs() {
        Staffing.StaffMember other = staffing.cleared(Role.MATCHMAKER);
        int revealsBefore = accessEvents("MemberFieldRevealed");

        api().as(other.token()).documentName("revealField").variable("memberId", member.memberId().toString())
                .variable("field", "PHONE").variable("reason", "Curious about this member").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        assertThat(accessEvents("MemberFieldRevealed")).isEqualTo(revealsBefore);
    }

    @Test
    void everyProfileViewIsAnAccessEvent() {
        int before = accessEvents("MemberProfileViewed");
        profile(service, null);
        profile(matchmaker, null);
        assertThat(accessEvents("MemberProfileViewed")).isEqualTo(before + 2);
    }

    @Test
    void anIdNumberIsCheckedInMemoryAndOnlyTheOutcomeAndAMaskedFormAreKept() {
        TestMembers.Member data = TestMembers.fresh();
        Map<String, Object> input = new java.util.HashMap<>(data.input());
        input.put("birthDate", "1990-03-07");
        String id = api().anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.memberId").entity(String.class).get();
        String token = api().confirm(data.email());

        api().as(token).documentName("submitIdNumber").variable("idNumber", VALID_ID.toLowerCase()).execute()
                .path("submitIdNumber.maskedIdNumber").entity(String.class).isEqualTo("**************1233")
                .path("submitIdNumber.idVerified").entity(Boolean.class).isEqualTo(true);
        // The last four at most: with the birth date (which the member's profile holds) and the region digits a
        // longer mask kept, the number would be down to a handful of candidates.
        api().as(token).documentName("me").execute().path("me.maskedIdNumber").entity(String.class)
                .isEqualTo("**************1233");
        api().as(member.token()).documentName("submitIdNumber").variable("idNumber", VALID_ID).execute()
                .path("submitIdNumber.idVerified").entity(Boolean.class).isEqualTo(false);
        api().as(member.token()).documentName("submitIdNumber").variable("idNumber", "12345").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));

        // The card is a read model: its row appears, and then changes, once the processor has caught up.
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "SELECT id_verified FROM service_member_card WHERE member_id = ?::uuid", Boolean.class, id)
                .contains(Boolean.TRUE));
        assertThat(com.matchmaking.app.support.DatabaseDump.of(jdbc).tablesContaining(VALID_ID)).isEmpty();
    }

    @Test
    void cardsPageWithAnOpaqueCursorAndTheSizeIsCapped() {
        for (int i = 0; i < 3; i++) {
            Api.Registered more = api().register(TestMembers.fresh());
            staffing.assign(more.memberId(), matchmaker.staffId());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM matchmaker_member_card WHERE matchmaker_id = ?", Integer.class, matchmaker.staffId()) == 4);

        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            GraphQlTester.Response page = api().as(matchmaker.token()).documentName("memberCards").variable("first", 3)
                    .variable("after", cursor).execute();
            all.addAll(page.path("memberCards.cards[*].memberId").entityList(String.class).get());
            cursor = nextCursor(page);
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(all).hasSize(4).doesNotHaveDuplicates().contains(member.memberId().toString());
        for (int size : new int[] {0, 51}) {
            api().as(matchmaker.token()).documentName("memberCards").variable("first", size).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).contains("between 1 and 50");
                    }));
        }
        api().as(matchmaker.token()).documentName("memberCards").variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private static String nextCursor(GraphQlTester.Response page) {
        List<String> holder = new ArrayList<>();
        page.path("memberCards").entity(Map.class).satisfies(m -> holder.add((String) m.get("nextCursor")));
        return holder.get(0);
    }

    private Map<String, Object> profile(Staffing.StaffMember staff, String memberId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> card = api().as(staff.token()).documentName("memberProfile")
                .variable("memberId", memberId == null ? member.memberId().toString() : memberId).execute()
                .path("memberProfile").entity(Map.class).get();
        return card;
    }

    private List<String> ids(GraphQlTester caller, Map<String, Object> filter, String after) {
        Set<String> ids = new HashSet<>();
        String cursor = after;
        do {
            GraphQlTester.Response page = caller.documentName("memberCards").variable("filter", filter).variable("first", 50)
                    .variable("after", cursor).execute();
            ids.addAll(page.path("memberCards.cards[*].memberId").entityList(String.class).get());
            cursor = nextCursor(page);
        } while (cursor != null);
        return List.copyOf(ids);
    }

    private int accessEvents(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Integer.class, member.memberId().toString(), "%." + type);
    }
}
