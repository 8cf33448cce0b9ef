package com.matchmaking.readmodels.projection;

import org.axonframework.eventhandling.EventMessage;

/**
 * Where a batch puts the events whose writes the database refuses (a constraint, a value too long for its column):
 * instead of failing the whole batch again and again, and with it every member of its segment, {@link BatchedWrites}
 * sends the batch's writes event by event, drops the refused event's writes and those of its sequence's later events
 * in the batch, and hands them here, within the batch's transaction, to wait in the processing group's dead-letter
 * queue.
 */
public interface RefusedWrites {

    /** The sequence an event belongs to: its later events wait behind it. */
    Object sequenceOf(EventMessage<?> event);

    /** The event whose writes the database refused, with the refusal. */
    void refused(String processingGroup, EventMessage<?> event, RuntimeException refusal);

    /** An event whose writes were dropped because an earlier event of its sequence was refused. */
    void waitingBehind(String processingGroup, EventMessage<?> event);
}
