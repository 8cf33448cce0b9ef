package com.matchmaking.app.introduction;

import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.introduction.CloseIntroductionOnErasure;
import com.matchmaking.schema.introduction.GiveIntroductionFeedback;
import com.matchmaking.schema.introduction.IntroductionAccepted;
import com.matchmaking.schema.introduction.IntroductionConfirmed;
import com.matchmaking.schema.introduction.IntroductionDeclined;
import com.matchmaking.schema.introduction.IntroductionFeedbackGiven;
import com.matchmaking.schema.introduction.IntroductionOutcome;
import com.matchmaking.schema.introduction.IntroductionOutcomeRecorded;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.MeetingRecorded;
import com.matchmaking.schema.introduction.ProposeIntroduction;
import com.matchmaking.schema.introduction.RecordIntroductionOutcome;
import com.matchmaking.schema.introduction.RecordMeeting;
import com.matchmaking.schema.introduction.RespondToIntroduction;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The introduction's life cycle: given earlier events, when a command, then events or a rejection. */
class IntroductionTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID MATCHMAKER = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final UUID OTHER_MATCHMAKER = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
    private static final UUID MEETING = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final IntroductionProposed PROPOSED = new IntroductionProposed(ID, A, B, MATCHMAKER, "Both love tea", T0);
    private static final IntroductionAccepted A_ACCEPTED = new IntroductionAccepted(ID, A, T1);
    private static final IntroductionAccepted B_ACCEPTED = new IntroductionAccepted(ID, B, T1);
    private static final IntroductionConfirmed CONFIRMED = new IntroductionConfirmed(ID, A, B, T1);

    private final Map<UUID, IntroductionRules.Party> parties = new HashMap<>();
    private final Map<UUID, Integer> recentProposals = new HashMap<>();
    private final Set<Set<UUID>> earlier = new HashSet<>();
    private FixtureConfiguration<Introduction> fixture;

    @BeforeEach
    void fixture() {
        party(A, MATCHMAKER, false, false);
        party(B, OTHER_MATCHMAKER, false, false);
        party(C, null, false, false);
        fixture = new AggregateTestFixture<>(Introduction.class);
        fixture.registerInjectableResource(new IntroductionRules() {
            @Override
            public Optional<Party> party(UUID memberId) {
                return Optional.ofNullable(parties.get(memberId));
            }

            @Override
            public boolean introducedBefore(UUID memberA, UUID memberB) {
                return earlier.contains(Set.of(memberA, memberB));
            }

            @Override
            public int lockAndCountProposalsSince(UUID memberId, Instant since) {
                return recentProposals.getOrDefault(memberId, 0);
            }

            @Override
            public int weeklyCap() {
                return 3;
            }
        });
    }

    private void party(UUID id, UUID matchmaker, boolean suspended, boolean paused, UUID... blocked) {
        parties.put(id, new IntroductionRules.Party(id, false, suspended, paused, matchmaker, Set.of(blocked)));
    }

    private static ProposeIntroduction propose(UUID a, UUID b, UUID matchmaker) {
        return new ProposeIntroduction(ID, a, b, matchmaker, "Both love tea", T0);
    }

    @Test
    void aMatchmakerAssignedToOneOfTheTwoProposes() {
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER)).expectEvents(PROPOSED);
        fixture.givenNoPriorActivity().when(propose(A, B, OTHER_MATCHMAKER))
                .expectEvents(new IntroductionProposed(ID, A, B, OTHER_MATCHMAKER, "Both love tea", T0));
    }

    @Test
    void aMatchmakerAssignedToNeitherIsRefused() {
        fixture.givenNoPriorActivity().when(propose(A, C, OTHER_MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aMemberCannotBeIntroducedToThemselves() {
        fixture.givenNoPriorActivity().when(propose(A, A, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectExceptionMessage("An introduction needs two different members");
    }

    @Test
    void anUnknownOrErasedMemberCannotBeIntroduced() {
        fixture.givenNoPriorActivity().when(propose(A, UUID.randomUUID(), MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
        parties.put(B, new IntroductionRules.Party(B, true, false, false, null, Set.of()));
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void suspendedOrPausedMembersAreNotIntroduced() {
        party(B, MATCHMAKER, true, false);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectExceptionMessage("A member in the introduction is not in matching at the moment");
        party(B, MATCHMAKER, false, true);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aBlockInEitherDirectionPreventsTheIntroduction() {
        party(B, null, false, false, A);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectExceptionMessage("These two members cannot be introduced");
        party(B, null, false, false);
        party(A, MATCHMAKER, false, false, B);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void twoMembersAreIntroducedOnlyOnce() {
        earlier.add(Set.of(A, B));
        fixture.givenNoPriorActivity().when(propose(B, A, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectExceptionMessage("These two members were already introduced");
    }

    @Test
    void theWeeklyCapHoldsForEitherMember() {
        recentProposals.put(B, 3);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER))
                .expectException(RequestRejectedException.class).expectNoEvents();
        recentProposals.put(B, 2);
        fixture.givenNoPriorActivity().when(propose(A, B, MATCHMAKER)).expectEvents(PROPOSED);
    }

    @Test
    void aNoteIsCappedInLength() {
        fixture.givenNoPriorActivity().when(new ProposeIntroduction(ID, A, B, MATCHMAKER, "x".repeat(2001), T0))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void oneAcceptanceWaitsForTheOther() {
        fixture.given(PROPOSED).when(new RespondToIntroduction(ID, A, true, T1)).expectEvents(A_ACCEPTED);
    }

    @Test
    void theSecondAcceptanceConfirms() {
        fixture.given(PROPOSED, A_ACCEPTED).when(new RespondToIntroduction(ID, B, true, T1))
                .expectEvents(B_ACCEPTED, CONFIRMED);
    }

    @Test
    void aDeclineEndsIt() {
        fixture.given(PROPOSED, A_ACCEPTED).when(new RespondToIntroduction(ID, B, false, T1))
                .expectEvents(new IntroductionDeclined(ID, B, T1));
        fixture.given(PROPOSED, new IntroductionDeclined(ID, B, T1)).when(new RespondToIntroduction(ID, A, true, T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void acceptingTwiceChangesNothing() {
        fixture.given(PROPOSED, A_ACCEPTED).when(new RespondToIntroduction(ID, A, true, T2)).expectNoEvents();
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED).when(new RespondToIntroduction(ID, A, true, T2))
                .expectNoEvents();
    }

    @Test
    void onlyTheTwoMembersMayAnswer() {
        fixture.given(PROPOSED).when(new RespondToIntroduction(ID, C, true, T1))
                .expectException(RequestRejectedException.class).expectExceptionMessage("No such introduction");
    }

    @Test
    void meetingsAndOutcomeNeedAConfirmedIntroduction() {
        fixture.given(PROPOSED, A_ACCEPTED).when(new RecordMeeting(ID, MEETING, MATCHMAKER, T2, "Tea house", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(PROPOSED).when(new RecordIntroductionOutcome(ID, MATCHMAKER, IntroductionOutcome.SUCCESS, T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aConfirmedIntroductionRecordsMeetingsAndOutcome() {
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED)
                .when(new RecordMeeting(ID, MEETING, MATCHMAKER, T2, "Tea house", T1))
                .expectEvents(new MeetingRecorded(ID, MEETING, MATCHMAKER, T2, "Tea house", T1));
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED)
                .when(new RecordIntroductionOutcome(ID, MATCHMAKER, IntroductionOutcome.CONTINUING, T2))
                .expectEvents(new IntroductionOutcomeRecorded(ID, A, B, MATCHMAKER, IntroductionOutcome.CONTINUING, T2));
    }

    @Test
    void aMeetingNeedsAPlace() {
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED)
                .when(new RecordMeeting(ID, MEETING, MATCHMAKER, T2, " ", T1))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void eachSideGivesFeedbackOnAConfirmedIntroduction() {
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED)
                .when(new GiveIntroductionFeedback(ID, B, "Lovely evening", T2))
                .expectEvents(new IntroductionFeedbackGiven(ID, B, "Lovely evening", T2));
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED)
                .when(new GiveIntroductionFeedback(ID, C, "Lovely evening", T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(PROPOSED).when(new GiveIntroductionFeedback(ID, A, "Lovely evening", T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void theErasureOfEitherMemberClosesIt() {
        fixture.given(PROPOSED, A_ACCEPTED).when(new CloseIntroductionOnErasure(ID, B, T2))
                .expectEvents(new IntroductionPartyErased(ID, B, T2));
        fixture.given(PROPOSED, new IntroductionPartyErased(ID, B, T2)).when(new CloseIntroductionOnErasure(ID, B, T2))
                .expectNoEvents();
        fixture.given(PROPOSED, new IntroductionPartyErased(ID, B, T2)).when(new CloseIntroductionOnErasure(ID, A, T2))
                .expectEvents(new IntroductionPartyErased(ID, A, T2));
    }

    @Test
    void aClosedIntroductionTakesNoMoreAnswersOrMeetings() {
        fixture.given(PROPOSED, A_ACCEPTED, B_ACCEPTED, CONFIRMED, new IntroductionPartyErased(ID, B, T2))
                .when(new RecordMeeting(ID, MEETING, MATCHMAKER, T2, "Tea house", T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(PROPOSED, new IntroductionPartyErased(ID, B, T2)).when(new RespondToIntroduction(ID, A, true, T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }
}
