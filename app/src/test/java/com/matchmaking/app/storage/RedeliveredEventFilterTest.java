package com.matchmaking.app.storage;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redelivery seen in RestartWhileProcessingTest, replayed token by token: a segment stopped at 262 with 261 not yet
 * committed, and after the restart the log is read again from a lower segment's position.
 */
class RedeliveredEventFilterTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void theEventHandledAfterTheGapIsPassedOverOnceTheGapsOwnEventHasBeenHandled() {
        GapAwareTrackingToken stored = token(262, 261L);
        RedeliveredEventFilter.Known known = new RedeliveredEventFilter.Known(RedeliveredEventFilter.knownAtStart(null, stored));

        assertThat(known.handled(token(261), () -> 261)).as("the gap's own event is new").isFalse();
        known.add(token(261));
        assertThat(token(261).covers(token(262))).as("Axon's check against the last event lets 262 through again").isFalse();
        assertThat(known.handled(token(262), () -> 262)).as("handled before the restart").isTrue();
        assertThat(known.handled(token(263), () -> 263)).isFalse();
    }

    @Test
    void whatABatchLearnedCarriesOverToTheNextBatchAlthoughTheStoredTokenForgetsIt() {
        RedeliveredEventFilter.Known first = new RedeliveredEventFilter.Known(
                RedeliveredEventFilter.knownAtStart(null, token(262, 261L)));
        first.add(token(261));
        GapAwareTrackingToken afterCommit = (GapAwareTrackingToken) token(262, 261L).upperBound(token(261));

        // The first batch stored 261's token: (261, no gaps), which no longer says that 262 was handled.
        RedeliveredEventFilter.Known second = new RedeliveredEventFilter.Known(
                RedeliveredEventFilter.knownAtStart(afterCommit, token(261)));
        assertThat(second.handled(token(262), () -> 262)).isTrue();
    }

    @Test
    void anEventThatFillsAGapLateIsHandledThoughItsTokenCarriesAHigherIndex() {
        RedeliveredEventFilter.Known known = new RedeliveredEventFilter.Known(
                RedeliveredEventFilter.knownAtStart(null, token(300, 299L)));

        // The stream had passed 300 when 299 committed: 299 comes with the stream's index, 300.
        assertThat(known.handled(token(300), () -> 299)).isFalse();
        known.add(token(300));
        assertThat(known.handled(token(301), () -> 301)).isFalse();
    }

    @Test
    void aStoredTokenThisNodeDoesNotKnowWinsAndAReplayPassesEverything() {
        GapAwareTrackingToken ours = token(262);

        assertThat(RedeliveredEventFilter.knownAtStart(ours, token(400, 390L))).isEqualTo(token(400, 390L));
        assertThat(RedeliveredEventFilter.knownAtStart(ours, ReplayToken.createReplayToken(token(500)))).isNull();
        RedeliveredEventFilter.Known replaying = new RedeliveredEventFilter.Known(null);
        assertThat(replaying.handled(token(1), () -> 1)).isFalse();
        assertThat(RedeliveredEventFilter.knownAtStart(null, null)).isNull();
    }

    @Test
    void anEventHandledAfterAGapOfAnotherSegmentIsRecognisedByItsPosition() {
        // 261 belongs to another segment: it never comes through this segment's filter to fill the gap.
        RedeliveredEventFilter.Known known = new RedeliveredEventFilter.Known(
                RedeliveredEventFilter.knownAtStart(null, token(262, 261L)));

        assertThat(known.handled(token(262), () -> 262)).isTrue();
        assertThat(known.handled(token(262), () -> 261)).as("the gap's own event, should it be this segment's").isFalse();
        assertThat(known.handled(token(263), () -> { throw new AssertionError("no lookup above the known index"); }))
                .isFalse();
    }

    @Test
    void aSecondEventHandledAfterAGapThatAnotherSegmentFilledIsPassedOverToo() {
        // The segment stopped at 226 with 222 (another segment's) not yet committed; after the restart the stream,
        // read from a lower segment, brings 222 as (222) and then 223 and 224, both this segment's, handled before.
        GapAwareTrackingToken stoppedAt = token(226, 222L);
        RedeliveredEventFilter.Known first = new RedeliveredEventFilter.Known(RedeliveredEventFilter.knownAtStart(null, stoppedAt));
        assertThat(first.handled(token(223), () -> 223)).isTrue();
        GapAwareTrackingToken afterCommit = first.token();

        // Axon stores the token of the last event consumed, 223's; the store joins it with what it held.
        TrackingToken stored = ForwardOnlyTokenStore.joined(stoppedAt, token(223));
        RedeliveredEventFilter.Known second = new RedeliveredEventFilter.Known(RedeliveredEventFilter.knownAtStart(afterCommit, stored));
        assertThat(second.handled(token(224), () -> 224)).isTrue();

        // Stored as Axon gives it, (223) is a token this node does not know of: it wins, and 224 went through again.
        RedeliveredEventFilter.Known unjoined = new RedeliveredEventFilter.Known(RedeliveredEventFilter.knownAtStart(afterCommit, token(223)));
        assertThat(unjoined.handled(token(224), () -> 224)).isFalse();
        // A new node (a restart after the store of 223) knows only what is stored.
        assertThat(new RedeliveredEventFilter.Known(RedeliveredEventFilter.knownAtStart(null, stored))
                .handled(token(224), () -> 224)).isTrue();
    }
}
