package com.matchmaking.app.participation;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import com.matchmaking.schema.text.FreeText.Kind;
import org.axonframework.commandhandling.CommandHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The matchmaker's notes of their conversations with a member, inside the member aggregate. It keeps no state: the
 * notes live in the member's events, and the rule is only that a note says something and stays within the cap.
 */
public class ConsultationNotes {

    public ConsultationNotes() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    @CommandHandler
    void handle(AddConsultationNote command) {
        String text = command.text();
        if (!Kind.CARE_TEXT.admits(text)) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, "text", Kind.CARE_TEXT.min(),
                    Kind.CARE_TEXT.max());
        }
        apply(new ConsultationNoteAdded(command.memberId(), command.noteId(), command.staffId(), text, command.addedAt()));
    }
}
