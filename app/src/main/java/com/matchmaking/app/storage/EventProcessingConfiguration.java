package com.matchmaking.app.storage;

import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.readmodels.projection.BatchedWrites;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How events are handled. The groups declared {@link InCommandTransaction} run in the command's transaction
 * (subscribing). No event handler error is ever logged and dropped: in the subscribing groups it rolls the
 * command back, in the streaming (pooled) groups the event goes to the dead-letter queue (see application.yml) and the rest of its
 * member's events wait behind it.
 *
 * <p>The read models run on pooled streaming processors (application.yml): a coordinator reads the log once and hands
 * each event to the segment its member falls in ({@link MemberSequencingPolicy}); the segments' batches run in
 * parallel, each in one transaction. Several nodes on one database share the segments through the token store's
 * claims ({@link ProcessingProperties}).
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /** Snapshot a member after this many events since the last one. */
    static final int MEMBER_SNAPSHOT_THRESHOLD = 25;

    /**
     * The groups whose handlers are declared {@link InCommandTransaction} run on subscribing processors, in the
     * command's transaction. Declared beside the handlers rather than in application.yml: correctness depends on it.
     * A group named in application.yml as well stops the start (Axon refuses a second processor of one name).
     */
    @Autowired
    void subscribeWhereDeclared(EventProcessingConfigurer configurer, ConfigurableListableBeanFactory beans) {
        inCommandTransaction(beans).forEach(configurer::registerSubscribingEventProcessor);
    }

    /** The processing groups of the beans declared {@link InCommandTransaction}. */
    static SortedSet<String> inCommandTransaction(ConfigurableListableBeanFactory beans) {
        SortedSet<String> groups = new TreeSet<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || AnnotationUtils.findAnnotation(type, InCommandTransaction.class) == null) {
                continue;
            }
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException(type.getName() + " is declared to run in the command's transaction "
                        + "but names no @ProcessingGroup");
            }
            groups.add(group.value());
        }
        return groups;
    }

    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /** The cause message stored in place of the handler's own. */
    static final String WITHHELD = "The handler failed; its message is withheld (it may hold personal values)";

    /**
     * A dead letter keeps the type of what failed, never its message: a database error carries the failing row or
     * statement ("Failing row contains (...)", "Batch entry 0 UPDATE ... 'value'"), and the queue's table is read by
     * operators and kept in backups. The cause is in the log at the time, by type too.
     */
    static final EnqueuePolicy<EventMessage<?>> DEAD_LETTERS_WITHOUT_VALUES = (letter, cause) ->
            Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), WITHHELD));

    /**
     * An event on its way to the dead-letter queue first takes back what it buffered in the batch (the projections of a
     * group that handled it before the one that failed): the batch commits without it, and a retry after the fix
     * applies it once, in every projection of the group.
     */
    @Autowired
    void deadLettersWithoutValues(EventProcessingConfigurer configurer, BatchedWrites writes) {
        configurer.registerDefaultDeadLetterPolicy(c -> (letter, cause) -> {
            writes.discard(letter.message().getIdentifier());
            return DEAD_LETTERS_WITHOUT_VALUES.decide(letter, cause);
        });
    }

    /**
     * The JDBC dead-letter queue of every group that has one in application.yml, as Axon's auto-configuration builds it
     * (which this bean replaces), asked once per batch whether it is empty rather than once per event whether the
     * event's member waits ({@link DeadLetterQueueCheckedOncePerBatch}).
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ConnectionProvider connectionProvider, DeadLetterSchema schema) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> config ->
                new DeadLetterQueueCheckedOncePerBatch(group, JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(config.getComponent(TransactionManager.class))
                        .schema(schema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build()));
    }

    /** Every streaming processor passes over events a segment has handled already (see {@link RedeliveredEventFilter}). */
    @Autowired
    void handleEachEventOnce(EventProcessingConfigurer configurer, JdbcTemplate jdbc, Serializer serializer) {
        configurer.registerDefaultHandlerInterceptor((config, processor) -> new RedeliveredEventFilter(processor, jdbc, serializer));
    }

    @Autowired
    void sequencePerMember(EventProcessingConfigurer configurer) {
        configurer.registerDefaultSequencingPolicy(c -> MemberSequencingPolicy.INSTANCE);
    }

    /**
     * Claims are extended well inside the token store's claim timeout, also by the coordinator while a batch is still
     * running, so a live node keeps its segments and a dead node's pass on after the timeout. Segment count, batch size,
     * worker threads and the claim interval come from application.yml (Axon applies them after this).
     */
    @Autowired
    void claimSegments(EventProcessingConfigurer configurer, ProcessingProperties properties) {
        PooledStreamingProcessorConfiguration claims = (config, builder) -> builder
                .claimExtensionThreshold(properties.claimExtensionMillis())
                .enableCoordinatorClaimExtension();
        configurer.registerPooledStreamingEventProcessorConfiguration(claims);
    }

    /**
     * Snapshots a member every so many events, but never an erased one: loading an erased member (a late duplicate of
     * a scheduled erasure, compliance reading the trail) sources their whole history, which would otherwise trigger a
     * snapshot after the erasure deleted them.
     */
    @Bean
    SnapshotTriggerDefinition memberSnapshotTrigger(Snapshotter snapshotter, SubjectKeyVault vault) {
        Snapshotter unlessErased = (type, id) -> {
            if (!vault.isErased(UUID.fromString(id))) {
                snapshotter.scheduleSnapshot(type, id);
            }
        };
        return new EventCountSnapshotTriggerDefinition(unlessErased, MEMBER_SNAPSHOT_THRESHOLD);
    }
}
