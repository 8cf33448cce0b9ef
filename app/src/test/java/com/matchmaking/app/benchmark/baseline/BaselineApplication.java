package com.matchmaking.app.benchmark.baseline;

import com.matchmaking.keys.serialization.StorageObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A bare Axon application to measure ours against: {@link BaselineMember} and its one JDBC projection on the same kind
 * of database, with Axon configured by hand (no Spring Boot, no encryption, no subscribing handlers, no schedulers):
 * the JDBC event store on the same snake_case tables (created from the schema module's first migration), Jackson
 * with the same object mapper as our plain mode (no Axon Server: modules are not located on the classpath), Spring's JDBC transactions under Axon's simple command bus, and a
 * tracking processor with our read models' batch size.
 */
public final class BaselineApplication implements AutoCloseable {

    private final HikariDataSource pool;
    private final DataSource dataSource;
    private final Configuration configuration;

    private BaselineApplication(HikariDataSource pool, DataSource dataSource, Configuration configuration) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.configuration = configuration;
    }

    /**
     * Creates the tables in an empty database and starts the application on it.
     *
     * @param decorator wraps the connection pool (the benchmark counts round trips through it)
     */
    public static BaselineApplication start(String url, String username, String password, int poolSize,
                                            int batchSize, UnaryOperator<DataSource> decorator) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password == null ? "" : password);
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("baseline");
        DataSource dataSource = decorator.apply(pool);
        createTables(dataSource);

        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        ConnectionProvider connections = new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(StorageObjectMapper.create()).build();
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(eventSchema())
                .build();
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp").setOwnerColumn("owner").build())
                .build();
        BaselineProjection projection = new BaselineProjection(new JdbcTemplate(dataSource));
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(BaselineMember.class)
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> tokens)
                        .registerTrackingEventProcessor(BaselineProjection.GROUP)
                        .registerTrackingEventProcessorConfiguration(BaselineProjection.GROUP,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(batchSize))
                        .registerEventHandler(c -> projection))
                .buildConfiguration();
        configuration.start();
        return new BaselineApplication(pool, dataSource, configuration);
    }

    public CommandGateway gateway() {
        return configuration.commandGateway();
    }

    /** The projection's processor, to reset and replay. */
    public StreamingEventProcessor projection() {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(BaselineProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The global index of the last stored event. */
    public long headPosition() {
        return configuration.eventStore().createHeadToken().position().orElse(-1);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        configuration.shutdown();
        pool.close();
    }

    private static void createTables(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(resource("db/migration/V1__axon_event_store.sql"));
        jdbc.execute("""
                CREATE TABLE baseline_member (
                    member_id  UUID PRIMARY KEY,
                    full_name  TEXT,
                    email      TEXT,
                    phone      TEXT,
                    city       TEXT,
                    about_me   TEXT,
                    updated_at TIMESTAMPTZ NOT NULL)
                """);
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(BaselineApplication.class.getClassLoader().getResourceAsStream(name),
                name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventSchema eventSchema() {
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
}
