package com.matchmaking.app.storage;

import com.matchmaking.app.support.IntegrationTest;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processing groups declared {@code @InCommandTransaction} are subscribing in the running application, and
 * every other group is a pooled streaming processor. The list is pinned: a group dropped from it (or an annotation
 * removed) must be a decision, since each reason stands beside its handlers.
 */
class InCommandTransactionTest extends IntegrationTest {

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void theDeclaredGroupsRunInTheCommandsTransactionAndTheRestArePooled() {
        assertThat(EventProcessingConfiguration.inCommandTransaction(beans)).containsExactly(
                "accounts", "consent-shredding", "erasure", "introduction-contact", "introduction-erasure",
                "introduction-listing", "member-activity", "privacy-policy", "risk-monitor", "risk-response");

        Map<String, String> kinds = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> kinds.put(name, kind(processor)));
        kinds.forEach((name, kind) -> assertThat(kind).as(name).isEqualTo(
                EventProcessingConfiguration.inCommandTransaction(beans).contains(name) ? "subscribing" : "pooled"));
        assertThat(kinds).containsEntry("erasure", "subscribing").containsEntry("member-read-models", "pooled");
    }

    private static String kind(EventProcessor processor) {
        return processor instanceof SubscribingEventProcessor ? "subscribing"
                : processor instanceof PooledStreamingEventProcessor ? "pooled" : processor.getClass().getSimpleName();
    }
}
