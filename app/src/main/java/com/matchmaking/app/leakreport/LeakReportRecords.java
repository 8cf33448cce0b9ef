package com.matchmaking.app.leakreport;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.leakreport.LeakCaseClosed;
import com.matchmaking.schema.leakreport.LeakCaseNoteAdded;
import com.matchmaking.schema.leakreport.LeakCaseViewed;
import com.matchmaking.schema.leakreport.LeakInvestigationStarted;
import com.matchmaking.schema.leakreport.LeakReportFiled;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A leak case in full, decrypted from its own events: what compliance reads. */
@Component
class LeakReportRecords {

    private final EventStorageEngine events;

    LeakReportRecords(EventStorageEngine events) {
        this.events = events;
    }

    /** One step of a case's history, with who took it (a compliance officer, or nobody named for the filing). */
    record Step(Instant at, String what, UUID by, String note) {
    }

    /** A case as compliance sees it. */
    record LeakCaseRecord(UUID reportId, String category, String status, String outcome, UUID reporterId, String description,
                          UUID suspectedStaffId, UUID concernedMemberId, Instant filedAt, List<Step> history) {
    }

    LeakCaseRecord load(UUID reportId) {
        List<Step> history = new ArrayList<>();
        LeakReportFiled filed = null;
        String status = null;
        String outcome = null;
        for (DomainEventMessage<?> message : events.readEvents(reportId.toString(), 0).asStream().toList()) {
            Object event = message.getPayload();
            if (event instanceof LeakReportFiled e) {
                filed = e;
                status = "OPEN";
                history.add(new Step(e.filedAt(), "FILED", null, null));
            } else if (event instanceof LeakInvestigationStarted e) {
                status = "INVESTIGATING";
                history.add(new Step(e.startedAt(), "INVESTIGATION_STARTED", e.investigatorId(), null));
            } else if (event instanceof LeakCaseNoteAdded e) {
                history.add(new Step(e.addedAt(), "NOTE", e.authorId(), e.note()));
            } else if (event instanceof LeakCaseClosed e) {
                status = "CLOSED";
                outcome = e.outcome().name();
                history.add(new Step(e.closedAt(), "CLOSED", e.closedBy(), e.note()));
            } else if (event instanceof LeakCaseViewed e) {
                history.add(new Step(e.viewedAt(), "VIEWED", e.viewerId(), null));
            }
        }
        if (filed == null) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_LEAK_CASE);
        }
        return new LeakCaseRecord(reportId, filed.category().name(), status, outcome, filed.reporterId(), filed.description(),
                filed.suspectedStaffId(), filed.concernedMemberId(), filed.filedAt(), List.copyOf(history));
    }
}
