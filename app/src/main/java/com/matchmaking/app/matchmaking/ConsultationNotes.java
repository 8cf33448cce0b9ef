package com.matchmaking.app.matchmaking;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import org.axonframework.commandhandling.CommandHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The matchmaker's notes of their conversations with a member, inside the member aggregate. It keeps no state: the
 * notes live in the member's events, and the rule is only that a note says something and stays within the cap.
 */
public class ConsultationNotes {

    /** Longest consultation note kept: a record of a conversation, not a document store. */
    public static final int MAX_NOTE_LENGTH = 5000;

    public ConsultationNotes() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    @CommandHandler
    void handle(AddConsultationNote command) {
        String text = command.text();
        if (text == null || text.isBlank() || text.length() > MAX_NOTE_LENGTH) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, "text", 1, MAX_NOTE_LENGTH);
        }
        apply(new ConsultationNoteAdded(command.memberId(), command.noteId(), command.staffId(), text, command.addedAt()));
    }
}
