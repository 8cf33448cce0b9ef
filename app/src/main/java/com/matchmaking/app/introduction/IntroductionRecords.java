package com.matchmaking.app.introduction;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.schema.introduction.IntroductionFeedbackGiven;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.MeetingRecorded;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an introduction holds under its own key (the note, meetings, feedback), decrypted from its events when asked
 * for. Once either member is erased the key is gone, and so is all of it: an erased introduction reads as empty.
 */
@Component
class IntroductionRecords {

    private final SubjectHistory history;

    IntroductionRecords(SubjectHistory history) {
        this.history = history;
    }

    record Meeting(Instant meetingAt, String place) {
    }

    /** The personal part of one introduction; feedback is the latest each member gave, by member id. */
    record Contents(String note, List<Meeting> meetings, Map<UUID, String> feedback) {
        static final Contents NONE = new Contents(null, List.of(), Map.of());
    }

    private static final HistoryView<Contents> CONTENTS = HistoryView
            .startingWith(Fold::new)
            .on(IntroductionProposed.class, HistoryView.mutating((f, e) -> f.note = e.note()))
            .on(MeetingRecorded.class, HistoryView.mutating((f, e) -> f.meetings.add(new Meeting(e.meetingAt(), e.place()))))
            .on(IntroductionFeedbackGiven.class, HistoryView.mutating((f, e) -> f.feedback.put(e.memberId(), e.text())))
            .on(IntroductionPartyErased.class, HistoryView.mutating((f, e) -> f.erased = true))
            .build(Fold::contents);

    Contents load(UUID introductionId) {
        return history.read(introductionId, CONTENTS).orElse(Contents.NONE);
    }

    private static final class Fold {
        private String note;
        private final List<Meeting> meetings = new ArrayList<>();
        private final Map<UUID, String> feedback = new HashMap<>();
        private boolean erased;

        Contents contents() {
            if (erased) {
                return Contents.NONE;
            }
            List<Meeting> sorted = new ArrayList<>(meetings);
            sorted.sort(Comparator.comparing(Meeting::meetingAt));
            return new Contents(note, List.copyOf(sorted), Map.copyOf(feedback));
        }
    }
}
