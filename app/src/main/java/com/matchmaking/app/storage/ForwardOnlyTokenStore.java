package com.matchmaking.app.storage;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A token store in which a segment's stored position never goes back over events it has handled: a plain position
 * (a {@link GapAwareTrackingToken}) is stored joined with the one already there ({@link
 * GapAwareTrackingToken#upperBound upper bound}).
 *
 * <p>Axon's pooled processor stores the token of the last event a segment consumed. After a claim it reads the log
 * from the lowest position of all segments, and an event that fills a gap of a segment that was further on carries a
 * token with a lower index than that segment's stored one; once consumed (the segment's own or not, in a batch or in
 * an idle round that only stores the token), it became the stored token, which forgets the events the segment had
 * handled after the gap. Those come along again next, and a claim of the segment from then on (a restart, another
 * node) found nothing left to say they were handled ({@link RedeliveredEventFilter} starts from the stored token): a
 * read model applied them a second time. Joined, the stored token keeps them.
 *
 * <p>Anything else goes in as given: a reset's replay token, a merge's merged token, a first token. A plain position
 * is never lowered on purpose by Axon (a reset to an earlier position stores a replay token), so the join takes nothing
 * away that was meant.
 */
final class ForwardOnlyTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardOnlyTokenStore.class);

    private final TokenStore delegate;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final String storedToken;

    ForwardOnlyTokenStore(TokenStore delegate, ConnectionProvider connections, TokenSchema schema, Serializer serializer) {
        this.delegate = delegate;
        this.connections = connections;
        this.serializer = serializer;
        // Locks the row for the store that follows in the same transaction, as the delegate's own read does.
        this.storedToken = "SELECT " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM " + schema.tokenTable()
                + " WHERE " + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? FOR UPDATE";
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken joined = joined(stored(processorName, segment), token);
        if (joined != token) {
            LOG.debug("Segment {} of {} stores {} rather than {}, which would take back events it handled",
                    segment, processorName, joined, token);
        }
        delegate.storeToken(joined, processorName, segment);
    }

    /** What goes into the store: the join of two plain positions, otherwise the new token as it is. */
    static TrackingToken joined(TrackingToken stored, TrackingToken token) {
        if (stored instanceof GapAwareTrackingToken before && token instanceof GapAwareTrackingToken after
                && !after.covers(before)) {
            return before.upperBound(after);
        }
        return token;
    }

    @SuppressFBWarnings(value = {"SQL_INJECTION_JDBC", "SQL_PREPARED_STATEMENT_GENERATED_FROM_NONCONSTANT_STRING"},
            justification = "built once from the token schema's table and column names, set in code "
                    + "(AxonStorageConfiguration); the values are bound parameters")
    private TrackingToken stored(String processorName, int segment) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(storedToken)) {
                statement.setString(1, processorName);
                statement.setInt(2, segment);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    byte[] token = row.getBytes(1);
                    String type = row.getString(2);
                    return token == null || type == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stored token of a segment of " + processorName, e);
        } finally {
            // A connection bound to the surrounding transaction stays open; closing only hands it back.
            JdbcUtils.closeQuietly(connection);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }
}
