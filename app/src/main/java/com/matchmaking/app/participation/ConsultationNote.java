package com.matchmaking.app.participation;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import com.matchmaking.schema.member.MemberRegistered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A consultation note customer service kept about the member. */
public record ConsultationNote(UUID noteId, UUID staffId, String text, Instant addedAt) {

    /** The member's notes, oldest first. */
    public static final HistoryView<List<ConsultationNote>> ALL = HistoryView
            .startingWith(() -> new ArrayList<ConsultationNote>())
            .identifiedBy(MemberRegistered.class)
            .on(ConsultationNoteAdded.class, HistoryView.mutating((notes, e) ->
                    notes.add(new ConsultationNote(e.noteId(), e.staffId(), e.text(), e.addedAt()))))
            .build(List::copyOf);
}
