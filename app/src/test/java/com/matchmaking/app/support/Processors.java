package com.matchmaking.app.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.awaitility.Awaitility.await;

/** Waits for, and replays, the application's streaming (pooled) event processors, every segment of them. */
public final class Processors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public Processors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    /** Blocks until every streaming processor has handled every event stored so far. */
    public void awaitCaughtUp(Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> streaming().stream().allMatch(p -> caughtUp(p, headPosition)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Processors did not reach position " + headPosition + ": " + describe(), e);
        }
    }

    private String describe() {
        StringBuilder text = new StringBuilder();
        for (StreamingEventProcessor p : streaming()) {
            text.append(p.getName()).append(" running=").append(p.isRunning()).append(" error=").append(p.isError());
            p.processingStatus().forEach((segment, status) -> text.append(" [segment ").append(segment)
                    .append(" position=").append(status.getCurrentPosition()).append(" replaying=").append(status.isReplaying())
                    .append(" error=").append(status.getError()).append(']'));
            text.append("; ");
        }
        return text.toString();
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long headPosition) {
        if (!processor.isRunning() || processor.processingStatus().isEmpty()) {
            return headPosition < 0 && processor.isRunning();
        }
        // A pooled processor reports only the segments it has claimed: all of them must be there (a segment of mask m
        // is one (m + 1)th of the events), or a segment still unclaimed would pass for caught up.
        double covered = processor.processingStatus().values().stream()
                .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        if (covered < 0.999) {
            return false;
        }
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            // A replay only reports itself over once an event past the reset point arrives: judge by position.
            if (status.isErrorState()) {
                return false;
            }
            OptionalLong position = status.getCurrentPosition();
            if (headPosition >= 0 && (position.isEmpty() || position.getAsLong() < headPosition)) {
                return false;
            }
        }
        return true;
    }

    /** Rebuilds every streaming processor's read model from the first event. */
    public void replayAll() {
        for (StreamingEventProcessor processor : streaming()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }
}
