package com.matchmaking.app.storage;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.keys.serialization.CryptoShreddingSerializer;
import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.matchmaking.keys.vault.SubjectKeyVault;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC storage on PostgreSQL: snake_case tables created by the schema module's Flyway migrations, bytea for
 * every serialized column, PostgreSQL's duplicate-key state recognised as a concurrency conflict, and serializers of
 * our own so that the web layer's {@code ObjectMapper} never shapes what is stored.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    /** Events read per query, from an aggregate's stream and from the log (Axon's default). */
    static final int READ_BATCH_SIZE = 100;

    /** Metadata keys copied from a command to the events it causes; ids, roles and codes only. */
    static final String[] AUDIT_METADATA = {"actorId", "actorRole", "purpose", "origin"};

    /** Tokens, sagas and dead-letter diagnostics: nothing personal goes there, by rule. */
    @Bean
    @Primary
    Serializer serializer() {
        return plain();
    }

    /**
     * Events, their metadata, dead-lettered events and snapshots: personal fields are encrypted. Switching that off
     * (the benchmark's plaintext baseline) is refused under the {@code prod} profile: a misplaced setting would store
     * every member's data in plaintext, beyond the reach of erasure by key destruction.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(SubjectKeyVault vault, MatchmakingProperties properties, Environment environment) {
        if (!properties.encryption().enabled()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("matchmaking.encryption.enabled=false is refused under the prod profile: "
                        + "personal data would be stored in plaintext. It exists for the benchmark's baseline only");
            }
            LoggerFactory.getLogger(AxonStorageConfiguration.class).warn("Encryption of personal fields is OFF "
                    + "(matchmaking.encryption.enabled=false): personal data is stored in plaintext");
            return plain();
        }
        return new CryptoShreddingSerializer(plain(), vault);
    }

    /** Commands and queries in flight; they are not stored. */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return plain();
    }

    private static JacksonSerializer plain() {
        return JacksonSerializer.builder().objectMapper(StorageObjectMapper.create()).build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          SnapshotSeals snapshotSeals) {
        return new SealedSnapshotStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(READ_BATCH_SIZE)
                // Axon reads an aggregate by ranges of sequence numbers, and by default reads once more after a range
                // that came back short, in case of gaps. Sequence numbers here have none (events are never deleted;
                // erasure shreds keys), so a short range is the last: one round trip less for every command on an
                // existing aggregate.
                .finalAggregateBatchPredicate(batch -> batch.size() < READ_BATCH_SIZE)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema), snapshotSeals);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The streaming processors' tokens and claims. A claim lapses after {@code matchmaking.processing.claim-timeout}
     * unless its node extends it; each node names itself distinctly ({@code matchmaking.processing.node-id}). A
     * segment's position never goes back over events it handled ({@link ForwardOnlyTokenStore}).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          ProcessingProperties processing) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(processing.claimTimeout());
        TokenStore store = builder.nodeId(processing.nodeId().isBlank() ? ProcessingProperties.startName() : processing.nodeId())
                .build();
        return new ForwardOnlyTokenStore(store, connectionProvider, tokenSchema, serializer);
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AUDIT_METADATA);
    }
}
