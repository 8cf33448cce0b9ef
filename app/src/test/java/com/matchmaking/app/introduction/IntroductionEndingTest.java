package com.matchmaking.app.introduction;

import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.introduction.EndIntroduction;
import com.matchmaking.schema.introduction.GiveIntroductionFeedback;
import com.matchmaking.schema.introduction.IntroductionAccepted;
import com.matchmaking.schema.introduction.IntroductionConfirmed;
import com.matchmaking.schema.introduction.IntroductionDeclined;
import com.matchmaking.schema.introduction.IntroductionEnded;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.IntroductionWithdrawn;
import com.matchmaking.schema.introduction.ProposeIntroduction;
import com.matchmaking.schema.introduction.RespondToIntroduction;
import com.matchmaking.schema.introduction.WithdrawFromIntroduction;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact taken back (a member withdraws, or a block or suspension ends the introduction), and a matchmaker's
 * refused proposal that tells nothing of another matchmaker's members: given events, when a command, then events or
 * a rejection.
 */
class IntroductionEndingTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-000000000011");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-000000000012");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-000000000013");
    private static final UUID MATCHMAKER = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    private static final UUID OTHER_MATCHMAKER = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final IntroductionProposed PROPOSED = new IntroductionProposed(ID, A, B, MATCHMAKER, null, T0);
    private static final Object[] CONFIRMED = {PROPOSED, new IntroductionAccepted(ID, A, T1),
            new IntroductionAccepted(ID, B, T1), new IntroductionConfirmed(ID, A, B, T1)};

    private final Map<UUID, IntroductionRules.Party> parties = new HashMap<>();
    private FixtureConfiguration<Introduction> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Introduction.class);
        fixture.registerInjectableResource(new IntroductionRules() {
            @Override
            public Optional<Party> party(UUID memberId) {
                return Optional.ofNullable(parties.get(memberId));
            }

            @Override
            public boolean introducedBefore(UUID memberA, UUID memberB) {
                return false;
            }

            @Override
            public int lockAndCountProposalsSince(UUID memberId, Instant since) {
                return 0;
            }

            @Override
            public int weeklyCap() {
                return 3;
            }
        });
    }

    private void party(UUID id, UUID matchmaker, boolean suspended, boolean paused) {
        parties.put(id, new IntroductionRules.Party(id, false, suspended, paused, matchmaker, Set.of()));
    }

    @Test
    void aMemberWithdrawsFromAConfirmedIntroductionAndItEnds() {
        fixture.given(CONFIRMED).when(new WithdrawFromIntroduction(ID, B, T2))
                .expectEvents(new IntroductionWithdrawn(ID, B, T2));
    }

    @Test
    void withdrawingTwiceChangesNothing() {
        fixture.given(CONFIRMED).andGiven(new IntroductionWithdrawn(ID, B, T2))
                .when(new WithdrawFromIntroduction(ID, A, T2)).expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAConfirmedIntroductionIsWithdrawnFromBeforeThatOneDeclines() {
        fixture.given(PROPOSED).when(new WithdrawFromIntroduction(ID, A, T2))
                .expectException(RequestRejectedException.class).expectExceptionMessage(
                        "Only a confirmed introduction can be withdrawn from; this one is PROPOSED").expectNoEvents();
        fixture.given(PROPOSED, new IntroductionDeclined(ID, B, T1)).when(new WithdrawFromIntroduction(ID, A, T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void aThirdMemberCannotWithdrawOthersFromTheirIntroduction() {
        fixture.given(CONFIRMED).when(new WithdrawFromIntroduction(ID, C, T2))
                .expectException(RequestRejectedException.class).expectExceptionMessage("No such introduction")
                .expectNoEvents();
    }

    @Test
    void aBlockOrASuspensionEndsAnOpenOrConfirmedIntroduction() {
        fixture.given(CONFIRMED).when(new EndIntroduction(ID, A, T2)).expectEvents(new IntroductionEnded(ID, T2));
        fixture.given(PROPOSED).when(new EndIntroduction(ID, B, T2)).expectEvents(new IntroductionEnded(ID, T2));
    }

    @Test
    void anEndedOrDeclinedIntroductionIsNotEndedAgain() {
        fixture.given(CONFIRMED).andGiven(new IntroductionEnded(ID, T1)).when(new EndIntroduction(ID, A, T2))
                .expectNoEvents();
        fixture.given(PROPOSED, new IntroductionDeclined(ID, B, T1)).when(new EndIntroduction(ID, A, T2))
                .expectNoEvents();
        fixture.given(CONFIRMED).when(new EndIntroduction(ID, C, T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    @Test
    void anEndedIntroductionTakesNoMoreAnswersOrFeedback() {
        fixture.given(PROPOSED).andGiven(new IntroductionEnded(ID, T1)).when(new RespondToIntroduction(ID, A, true, T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
        fixture.given(CONFIRMED).andGiven(new IntroductionWithdrawn(ID, A, T1))
                .when(new GiveIntroductionFeedback(ID, B, "Too late", T2))
                .expectException(RequestRejectedException.class).expectNoEvents();
    }

    /** Another matchmaker's member out of matching gets the answer of an id that names no member. */
    @Test
    void anotherMatchmakersMemberOutOfMatchingIsAnsweredAsNoMember() {
        party(A, MATCHMAKER, false, false);
        String unknown = refusal(new ProposeIntroduction(ID, A, C, MATCHMAKER, null, T0));
        party(C, OTHER_MATCHMAKER, false, true);
        String paused = refusal(new ProposeIntroduction(ID, A, C, MATCHMAKER, null, T0));
        party(C, OTHER_MATCHMAKER, true, false);
        String suspended = refusal(new ProposeIntroduction(ID, A, C, MATCHMAKER, null, T0));
        assertThat(paused).isEqualTo(unknown).isEqualTo(suspended).isEqualTo("NOT_FOUND No such member among those you may see");
    }

    /** Neither member theirs: the same answer whether they exist, are paused or suspended. */
    @Test
    void neitherMemberTheirsIsAnsweredAsNoMemberWhateverTheirState() {
        party(A, OTHER_MATCHMAKER, false, true);
        party(B, OTHER_MATCHMAKER, false, false);
        String paused = refusal(new ProposeIntroduction(ID, A, B, MATCHMAKER, null, T0));
        party(A, OTHER_MATCHMAKER, false, false);
        String available = refusal(new ProposeIntroduction(ID, A, B, MATCHMAKER, null, T0));
        assertThat(paused).isEqualTo(available).isEqualTo("NOT_FOUND No such member among those you may see");
    }

    /** One's own member paused or suspended: refused alike, the answer saying neither which nor why. */
    @Test
    void anOwnMemberPausedOrSuspendedIsRefusedAlike() {
        party(A, MATCHMAKER, false, false);
        party(B, MATCHMAKER, false, true);
        String paused = refusal(new ProposeIntroduction(ID, A, B, MATCHMAKER, null, T0));
        party(B, MATCHMAKER, true, false);
        String suspended = refusal(new ProposeIntroduction(ID, A, B, MATCHMAKER, null, T0));
        assertThat(paused).isEqualTo(suspended).startsWith("CONFLICT ").doesNotContainIgnoringCase("paus")
                .doesNotContainIgnoringCase("suspend");
    }

    /** The refusal's classification and message, as the API would show them. */
    private String refusal(ProposeIntroduction command) {
        String[] seen = new String[1];
        fixture.givenNoPriorActivity().when(command).expectNoEvents()
                .expectException(new CustomTypeSafeMatcher<RequestRejectedException>("a refusal") {
                    @Override
                    protected boolean matchesSafely(RequestRejectedException refused) {
                        seen[0] = refused.classification() + " " + refused.getMessage();
                        return true;
                    }
                });
        return seen[0];
    }
}
