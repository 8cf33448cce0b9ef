package com.matchmaking.app.storage;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logs how far every replaying projection has got, so a rebuild of the read models (hours on a large log) shows its
 * progress. Silent when nothing replays.
 */
@Component
class ReplayProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ReplayProgressReporter.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ReplayProgressReporter(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Scheduled(fixedDelayString = "${matchmaking.replay.progress-interval:PT10S}")
    void report() {
        TrackingToken head = null;
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.isReplaying()) {
                continue;
            }
            if (head == null) {
                head = eventStore.createHeadToken();
            }
            long headPosition = head == null ? 0 : head.position().orElse(0);
            long slowest = streaming.processingStatus().values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
            int errors = (int) streaming.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).count();
            long percent = headPosition <= 0 ? 100 : Math.min(100, slowest * 100 / headPosition);
            log.info("Replaying {}: {}% (event {} of {}){}", streaming.getName(), percent, slowest, headPosition,
                    errors > 0 ? ", " + errors + " segment(s) in error" : "");
        }
    }
}
