package com.matchmaking.app.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Keeps a pooled processor's segment from handling an event it has already handled.
 *
 * <p>When a segment is claimed, Axon's pooled processor reads the log from the lowest token of all segments and skips
 * each event whose token the segment's last delivered token {@link TrackingToken#covers covers}, that last token being
 * the stored one at first and then simply the previous event's. A stored token with a gap (a transaction that had not
 * committed when the segment passed its position) does not cover the token of an event the segment handled after that
 * gap, once the gap has filled, and the token of the gap's own event forgets everything after it: such an event was
 * handled a second time (a read model that counts events counted one twice).
 *
 * <p>So this filter keeps, per segment, what the segment is known to have handled, as one token that only grows: the
 * stored token at a batch's start, joined with what this node knew at its last commit (its {@link
 * GapAwareTrackingToken#upperBound upper bound} with the token of every event handled since). An event at or below that
 * token's index that it does not plainly cover is looked up for its position in the log (one indexed read, only in
 * that window after a claim, or for an event that fills a gap late): at or below the index and not one of its gaps
 * means handled, and the event is passed over. What a batch learns counts only once the batch has committed. When the
 * stored token is not a plain position (a replay after a reset), nothing is passed over and what was known is dropped.
 *
 * <p>The stored token is all a node starts from after a claim, so it must not forget either: Axon stores the token of
 * the last event a segment consumed, and a gap's own event consumed after the claim (this segment's or another's)
 * carries a lower index than the events handled after the gap. {@link ForwardOnlyTokenStore} keeps such a store from
 * taking them back; without it the next batch started from that lower token and handled them a second time.
 *
 * <p>Outside a pooled processor's batch (subscribing processors, a dead letter's retry) there is no segment in the
 * unit of work and every event goes through.
 */
final class RedeliveredEventFilter implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(RedeliveredEventFilter.class);

    private static final String STORED_TOKEN = "SELECT token, token_type FROM token_entry WHERE processor_name = ? AND segment = ?";
    private static final String POSITION = "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?";

    private final String processor;
    private final String segmentResource;
    private final String batchResource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    // What each segment is known to have handled, as of this node's last commit of a batch of it.
    private final Map<Integer, GapAwareTrackingToken> handled = new ConcurrentHashMap<>();

    RedeliveredEventFilter(String processor, JdbcTemplate jdbc, Serializer serializer) {
        this.processor = processor;
        // The key under which Axon's work package puts the segment of the batch into the unit of work.
        this.segmentResource = "Processor[" + processor + "]/SegmentId";
        this.batchResource = RedeliveredEventFilter.class.getName() + "[" + processor + "]";
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        Integer segment = batch.getResource(segmentResource);
        if (segment != null && unitOfWork.getMessage() instanceof TrackedEventMessage<?> event) {
            Known known = batch.getOrComputeResource(batchResource, k -> start(batch, segment));
            if (known.handled(event.trackingToken(), () -> position(event.getIdentifier()))) {
                LOG.debug("Segment {} of {} passes over event {}, handled already", segment, processor, event.getIdentifier());
                return null;
            }
            known.add(event.trackingToken());
        }
        return chain.proceed();
    }

    private Known start(UnitOfWork<?> batch, int segment) {
        Known known = new Known(knownAtStart(handled.get(segment), storedToken(segment)));
        batch.afterCommit(u -> {
            if (known.token == null) {
                handled.remove(segment);
            } else {
                handled.put(segment, known.token);
            }
        });
        return known;
    }

    /**
     * What a batch starts from: the stored token, or this node's knowledge where it includes the stored token (it
     * runs ahead of the store only when a work package's stream was reopened lower in the middle of a batch). A
     * stored token this node does not know of (the segment was handled elsewhere meanwhile, or reset) wins: that is
     * why the store must never go back over handled events ({@link ForwardOnlyTokenStore}).
     */
    static GapAwareTrackingToken knownAtStart(GapAwareTrackingToken known, TrackingToken stored) {
        if (!(stored instanceof GapAwareTrackingToken position)) {
            return null;
        }
        return known != null && known.covers(position) ? known : position;
    }

    /** The handled events of one batch, from its start. */
    static final class Known {
        private GapAwareTrackingToken token;

        Known(GapAwareTrackingToken token) {
            this.token = token;
        }

        /**
         * Whether the event at this token was handled already. Covered by what is known, it was; above the known
         * index, it was not; in between (a gap it does not list here may belong to another segment, whose events never
         * come through this filter to fill it) its own position decides.
         */
        boolean handled(TrackingToken event, LongSupplier position) {
            if (token == null || !(event instanceof GapAwareTrackingToken at)) {
                return false;
            }
            if (token.covers(at)) {
                return true;
            }
            if (at.getIndex() > token.getIndex()) {
                return false;
            }
            long own = position.getAsLong();
            return own >= 0 && own <= token.getIndex() && !token.getGaps().contains(own);
        }

        GapAwareTrackingToken token() {
            return token;
        }

        void add(TrackingToken event) {
            if (token != null && event instanceof GapAwareTrackingToken at) {
                token = (GapAwareTrackingToken) token.upperBound(at);
            } else {
                token = null;
            }
        }
    }

    /** The event's position in the log, or -1 when it is not a stored event. */
    private long position(String eventIdentifier) {
        List<Long> positions = jdbc.queryForList(POSITION, Long.class, eventIdentifier);
        return positions.isEmpty() ? -1 : positions.get(0);
    }

    private TrackingToken storedToken(int segment) {
        List<TrackingToken> tokens = jdbc.query(STORED_TOKEN, (rs, i) -> {
            byte[] token = rs.getBytes(1);
            String type = rs.getString(2);
            return token == null || type == null ? null
                    : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        }, processor, segment);
        return tokens.isEmpty() ? null : tokens.get(0);
    }
}
