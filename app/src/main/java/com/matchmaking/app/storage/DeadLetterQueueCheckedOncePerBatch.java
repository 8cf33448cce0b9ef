package com.matchmaking.app.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A processing group's dead-letter queue that asks the database whether the group's queue is empty once per batch,
 * instead of asking for every event whether its member's sequence waits there. Axon's invoker calls
 * {@link #enqueueIfPresent} for each event it handles: with the JDBC queue that is one query per event, which at a
 * replay of a million events was most of what the segments waited for.
 *
 * <p>Why once per batch is sound. A batch runs in one unit of work and one transaction on the node that holds the
 * batch's segment. A sequence enters the queue only through the node handling that sequence's segment: Axon's invoker
 * after a handler failed, or {@link DeadLetteringRefusedWrites} when the database refused a write; both reach the queue
 * through this decorator, so an enqueue within the batch is seen at once. Enqueues from before the batch, on this node
 * or on another that held the segment before it moved here, are committed, and the emptiness query at the start of the
 * batch sees them. Other nodes running at the same time hold other segments: what they enqueue meanwhile belongs to
 * sequences this batch never handles. The operator's retry and an erasure only remove letters, which can make the
 * answer "not empty" stale, never "empty". So "empty when the batch began, nothing enqueued since" means no sequence of
 * this batch waits. Outside a unit of work, and whenever the queue is not empty, every call goes to the queue as before.
 *
 * <p>Axon's own sequence-identifier cache ({@code axon.eventhandling.processors.<name>.dlq.cache.enabled}) must stay
 * off: it only learns of the invoker's enqueues, not of {@link DeadLetteringRefusedWrites}', and would then apply a
 * refused member's later events past the one waiting.
 */
final class DeadLetterQueueCheckedOncePerBatch implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final String emptyInBatch;

    DeadLetterQueueCheckedOncePerBatch(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
        this.emptyInBatch = DeadLetterQueueCheckedOncePerBatch.class.getName() + "/" + processingGroup;
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!CurrentUnitOfWork.isStarted()) {
            return queue.enqueueIfPresent(sequenceIdentifier, letterBuilder);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Boolean empty = batch.getResource(emptyInBatch);
        if (empty == null) {
            // Not computeIfAbsent: the query itself puts resources (its connection) into the same map.
            empty = queue.amountOfSequences() == 0;
            batch.resources().putIfAbsent(emptyInBatch, empty);
            empty = batch.getResource(emptyInBatch);
        }
        if (empty) {
            return false;
        }
        return queue.enqueueIfPresent(sequenceIdentifier, letterBuilder);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        // Marked before the write: should the write fail half way, the batch asks the queue rather than trust "empty".
        notEmptyInThisBatch();
        queue.enqueue(sequenceIdentifier, letter);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        notEmptyInThisBatch();
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }

    private void notEmptyInThisBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(emptyInBatch, Boolean.FALSE);
        }
    }
}
