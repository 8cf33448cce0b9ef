package com.matchmaking.app.introduction;

import com.matchmaking.schema.introduction.IntroductionFeedbackGiven;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.MeetingRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
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

    private final EventStorageEngine events;

    IntroductionRecords(EventStorageEngine events) {
        this.events = events;
    }

    record Meeting(Instant meetingAt, String place) {
    }

    /** The personal part of one introduction; feedback is the latest each member gave, by member id. */
    record Contents(String note, List<Meeting> meetings, Map<UUID, String> feedback) {
        static final Contents NONE = new Contents(null, List.of(), Map.of());
    }

    Contents load(UUID introductionId) {
        String note = null;
        List<Meeting> meetings = new ArrayList<>();
        Map<UUID, String> feedback = new HashMap<>();
        for (DomainEventMessage<?> message : events.readEvents(introductionId.toString(), 0).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof IntroductionPartyErased) {
                return Contents.NONE;
            } else if (event instanceof IntroductionProposed e) {
                note = e.note();
            } else if (event instanceof MeetingRecorded e) {
                meetings.add(new Meeting(e.meetingAt(), e.place()));
            } else if (event instanceof IntroductionFeedbackGiven e) {
                feedback.put(e.memberId(), e.text());
            }
        }
        meetings.sort(java.util.Comparator.comparing(Meeting::meetingAt));
        return new Contents(note, List.copyOf(meetings), Map.copyOf(feedback));
    }
}
