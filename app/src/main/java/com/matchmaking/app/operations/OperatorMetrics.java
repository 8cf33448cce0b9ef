package com.matchmaking.app.operations;

import com.matchmaking.keys.vault.SubjectKeyVault;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What operators watch on a node, for the Prometheus endpoint on the management port: how far each streaming
 * processor's segments on this node trail the head of the log, how many dead letters wait per processor, and the key
 * cache's hits, misses and evictions. Tags are processor names and segment numbers only: nothing of a member, ever.
 * Lag and dead letters are read every few seconds (not at scrape time, so a slow database never stalls a scrape).
 */
@Component
class OperatorMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OperatorMetrics.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final SubjectKeyVault vault;
    private MultiGauge lag;
    private MultiGauge deadLetters;

    OperatorMetrics(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc, SubjectKeyVault vault) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        lag = MultiGauge.builder("matchmaking.processor.lag").baseUnit("events")
                .description("Events between the head of the log and a segment's position, for segments this node holds")
                .register(registry);
        deadLetters = MultiGauge.builder("matchmaking.processor.dead.letters").baseUnit("events")
                .description("Events waiting in a processor's dead-letter queue").register(registry);
        FunctionCounter.builder("matchmaking.keys.cache.hits", vault, v -> v.cacheStats().hitCount())
                .description("Key lookups answered from this node's cache").register(registry);
        FunctionCounter.builder("matchmaking.keys.cache.misses", vault, v -> v.cacheStats().missCount())
                .description("Key lookups that read the database").register(registry);
        FunctionCounter.builder("matchmaking.keys.cache.evictions", vault, v -> v.cacheStats().evictionCount())
                .description("Keys dropped from this node's cache for size or age").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${matchmaking.operations.metrics-refresh:PT5S}")
    void refresh() {
        if (lag == null) {
            return;
        }
        try {
            TrackingToken head = eventStore.createHeadToken();
            long headPosition = head == null ? 0 : head.position().orElse(0);
            List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.processingStatus().forEach((segment, status) -> {
                        long position = status.getCurrentPosition().orElse(0);
                        lagRows.add(MultiGauge.Row.of(Tags.of("processor", name, "segment", Integer.toString(segment)),
                                Math.max(0, headPosition - position)));
                    });
                }
            });
            lag.register(lagRows, true);
            java.util.Map<String, Long> letters = new java.util.TreeMap<>();
            processing.eventProcessors().keySet().forEach(name -> letters.put(name, 0L));
            jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                    rs -> {
                        letters.put(rs.getString(1), rs.getLong(2));
                    });
            List<MultiGauge.Row<?>> letterRows = new ArrayList<>();
            letters.forEach((name, count) -> letterRows.add(MultiGauge.Row.of(Tags.of("processor", name), count)));
            deadLetters.register(letterRows, true);
        } catch (RuntimeException e) {
            // The database may be down; the gauges keep their last values and the health check says why.
            log.debug("Operator metrics not refreshed: {}", e.getClass().getSimpleName());
        }
    }
}
