package com.matchmaking.app.storage;

import com.matchmaking.readmodels.projection.RefusedWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the events whose read-model writes the database refused into their processing group's dead-letter queue, in
 * the batch's transaction, keyed by the same sequence as the processors use ({@link MemberSequencingPolicy}), so the
 * member's later events wait behind them and a retry after the fix applies them in order. The letter, like every
 * other, keeps the refusal's type and a fixed text: a database's message holds the refused row's values.
 */
@Component
class DeadLetteringRefusedWrites implements RefusedWrites {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringRefusedWrites.class);

    // Looked up when needed: the processing configuration is built from the projections that use this.
    private final ObjectProvider<org.axonframework.config.EventProcessingConfiguration> processing;

    DeadLetteringRefusedWrites(ObjectProvider<org.axonframework.config.EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    @Override
    public Object sequenceOf(EventMessage<?> event) {
        return MemberSequencingPolicy.INSTANCE.getSequenceIdentifierFor(event);
    }

    @Override
    public void refused(String processingGroup, EventMessage<?> event, RuntimeException refusal) {
        Object sequence = sequenceOf(event);
        // withCause keeps a Cause as it is; the constructor would wrap it once more and record its own type.
        queue(processingGroup).enqueue(sequence, new GenericDeadLetter<>(sequence, event)
                .withCause(new ThrowableCause(refusal.getClass().getName(), EventProcessingConfiguration.WITHHELD)));
        log.warn("The database refused the read-model writes of event {} ({}) in {}: the event waits in the dead-letter "
                + "queue ({})", event.getIdentifier(), event.getPayloadType().getSimpleName(), processingGroup,
                refusal.getClass().getSimpleName());
    }

    @Override
    public void waitingBehind(String processingGroup, EventMessage<?> event) {
        Object sequence = sequenceOf(event);
        queue(processingGroup).enqueueIfPresent(sequence, () -> new GenericDeadLetter<>(sequence, event));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.getObject().deadLetterQueue(processingGroup).orElseThrow(() -> new IllegalStateException(
                "Processing group " + processingGroup + " has no dead-letter queue for refused writes"));
    }
}
