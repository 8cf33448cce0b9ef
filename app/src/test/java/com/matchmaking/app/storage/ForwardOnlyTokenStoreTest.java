package com.matchmaking.app.storage;

import com.matchmaking.keys.testing.TestPostgres;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token store of the streaming processors against PostgreSQL: a segment that stopped at 226 with 222 not yet
 * committed, claimed again and reading the log from a lower segment's position, consumes 222 (another segment's event)
 * with the token (222, no gaps) and then 223 with (223, no gaps).
 */
@Tag("external-postgres")
class ForwardOnlyTokenStoreTest {

    private static final String PROCESSOR = "member-read-models";

    private TokenStore tokens;

    @BeforeEach
    void createTokens() {
        TestPostgres.Database database = TestPostgres.createDatabase("tokens");
        Flyway.configure().dataSource(database.dataSource()).load().migrate();
        TokenSchema schema = new AxonStorageConfiguration().tokenSchema();
        Serializer serializer = JacksonSerializer.defaultSerializer();
        JdbcTokenStore jdbc = JdbcTokenStore.builder()
                .connectionProvider(database.dataSource()::getConnection)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(5))
                .nodeId("node")
                .build();
        tokens = new ForwardOnlyTokenStore(jdbc, database.dataSource()::getConnection, schema, serializer);
        tokens.initializeTokenSegments(PROCESSOR, 1, token(226, 222L));
        tokens.fetchToken(PROCESSOR, 0);
    }

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void aTokenOfAnEventThatFilledAGapKeepsWhatTheSegmentHadHandledAfterIt() {
        tokens.storeToken(token(222), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).as("226 and the events before it, 222 consumed too")
                .isEqualTo(token(226));

        tokens.storeToken(token(223), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(token(226));
        tokens.storeToken(token(230, 228L), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).as("further on, stored as given").isEqualTo(token(230, 228L));
    }

    @Test
    void aResetOrAMergeStoresItsTokenAsGiven() {
        TrackingToken replay = ReplayToken.createReplayToken(token(226, 222L), token(10));
        tokens.storeToken(replay, PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(replay);

        tokens.storeToken(token(100), PROCESSOR, 0);
        TrackingToken merged = new MergedTrackingToken(token(50), token(100));
        tokens.storeToken(merged, PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(merged);
    }

    @Test
    void theJoinOfTwoPlainPositionsIsEverythingEitherHasSeen() {
        assertThat(ForwardOnlyTokenStore.joined(token(226, 222L), token(222))).isEqualTo(token(226));
        assertThat(ForwardOnlyTokenStore.joined(token(226, 222L), token(223))).isEqualTo(token(226));
        assertThat(ForwardOnlyTokenStore.joined(token(226, 222L, 224L), token(223)))
                .as("a gap above the new token's index stays open").isEqualTo(token(226, 224L));
        assertThat(ForwardOnlyTokenStore.joined(null, token(5))).isEqualTo(token(5));
    }
}
