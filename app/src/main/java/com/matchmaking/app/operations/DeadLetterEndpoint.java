package com.matchmaking.app.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's handle on the dead-letter queues, on the management port only ({@code /actuator/deadletters}):
 * how many sequences wait in each processing group, and, once the cause is fixed and deployed, a retry of one group.
 * A retry runs each waiting sequence through every projection of the group again, in order; a letter that fails again
 * stays in the queue. Answers hold group names and counts, never an event.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLetterEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterEndpoint.class);

    private final EventProcessingConfiguration processing;

    DeadLetterEndpoint(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Waiting sequences per processing group that has a queue. */
    @ReadOperation
    Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> waiting.put(group, queue.amountOfSequences()));
        }
        return waiting;
    }

    /** Retries the waiting sequences of one group until none is left or none goes through any more. */
    @WriteOperation
    Retry retry(@Selector String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for processing group " + group));
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group).orElseThrow();
        long before = queue.amountOfSequences();
        int processed = 0;
        // Each call takes one sequence; a bound keeps a queue that keeps failing from spinning here.
        for (long attempt = 0; attempt < before && letters.processAny(); attempt++) {
            processed++;
        }
        long left = queue.amountOfSequences();
        log.info("Dead letters of {}: {} sequence(s) retried and applied, {} still waiting", group, processed, left);
        return new Retry(group, processed, left);
    }

    /** The outcome of a retry: sequences applied and still waiting. */
    record Retry(String group, int applied, long waiting) {
    }
}
