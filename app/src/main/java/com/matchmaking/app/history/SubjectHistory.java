package com.matchmaking.app.history;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads one subject's log straight from the event storage, decrypted by the serializer on the spot, and folds it with
 * a {@link HistoryView}. It never goes through a read model, so what a view answers is exactly what is stored at the
 * moment of the read (a member sees what is stored about them; an administrator's mutation answers consistently at
 * once).
 *
 * <p>Views read from the subject's first event. The member's snapshots are not a starting point for them: a snapshot
 * is the {@code Member} aggregate's command-side state (what its rules need: purposes as a set, blocked ids as a set,
 * no timestamps, versions or order), not any view's state, so no view could be resumed from one. {@link #readFrom}
 * takes a start sequence for a view whose state is complete without the earlier events.
 */
@Component
public class SubjectHistory {

    private final EventStorageEngine events;

    SubjectHistory(EventStorageEngine events) {
        this.events = events;
    }

    /**
     * The view over every event of the subject; empty when the log holds nothing the view recognises as this kind of
     * subject (see {@link HistoryView.Builder#identifiedBy}): the caller decides what an unknown subject means.
     */
    public <R> Optional<R> read(UUID subject, HistoryView<R> view) {
        return readFrom(subject, 0, view);
    }

    /** The view over the subject's events from {@code firstSequence} on. */
    public <R> Optional<R> readFrom(UUID subject, long firstSequence, HistoryView<R> view) {
        HistoryView.Reading<R> reading = view.begin();
        try (var stream = events.readEvents(subject.toString(), firstSequence).asStream()) {
            stream.forEach(reading::apply);
        }
        return reading.result();
    }
}
