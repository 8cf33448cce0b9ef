package com.matchmaking.app.storage;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Which events a pooled processor must handle one after the other: those of one aggregate, which for every member
 * event is the member (a member's aggregate id is their member id), so each member's read-model rows see that member's
 * events in the order they happened while different members go through different segments at once.
 *
 * <p>The key is read from the envelope, never from the payload: routing an event to its segment must not decrypt it,
 * or every segment would decrypt every event. Events that concern two members (an introduction's, a block) cannot be
 * ordered with both; their handlers are written to give the same rows in any order (see {@code MatchingProjection},
 * {@code AnalyticsProjection}). An event outside any aggregate, should one ever be published, is ordered with all
 * other such events.
 */
final class MemberSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final MemberSequencingPolicy INSTANCE = new MemberSequencingPolicy();

    private static final String NO_AGGREGATE = "no-aggregate";

    private MemberSequencingPolicy() {
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return domain.getAggregateIdentifier();
        }
        return NO_AGGREGATE;
    }
}
