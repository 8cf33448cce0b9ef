package com.matchmaking.app.leakreport;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.leakreport.LeakCaseClosed;
import com.matchmaking.schema.leakreport.LeakCaseNoteAdded;
import com.matchmaking.schema.leakreport.LeakCaseViewed;
import com.matchmaking.schema.leakreport.LeakInvestigationStarted;
import com.matchmaking.schema.leakreport.LeakReportFiled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A leak case in full, decrypted from its own events: what compliance reads. */
@Component
class LeakReportRecords {

    private final SubjectHistory history;

    LeakReportRecords(SubjectHistory history) {
        this.history = history;
    }

    /** One step of a case's history, with who took it (a compliance officer, or nobody named for the filing). */
    record Step(Instant at, String what, UUID by, String note) {
    }

    /** A case as compliance sees it. */
    record LeakCaseRecord(UUID reportId, String category, String status, String outcome, UUID reporterId, String description,
                          UUID suspectedStaffId, UUID concernedMemberId, Instant filedAt, List<Step> history) {
    }

    private static final HistoryView<Fold> CASE = HistoryView
            .startingWith(Fold::new)
            .identifiedBy(LeakReportFiled.class)
            .on(LeakReportFiled.class, HistoryView.mutating((f, e) -> {
                f.filed = e;
                f.status = "OPEN";
                f.steps.add(new Step(e.filedAt(), "FILED", null, null));
            }))
            .on(LeakInvestigationStarted.class, HistoryView.mutating((f, e) -> {
                f.status = "INVESTIGATING";
                f.steps.add(new Step(e.startedAt(), "INVESTIGATION_STARTED", e.investigatorId(), null));
            }))
            .on(LeakCaseNoteAdded.class, HistoryView.mutating((f, e) ->
                    f.steps.add(new Step(e.addedAt(), "NOTE", e.authorId(), e.note()))))
            .on(LeakCaseClosed.class, HistoryView.mutating((f, e) -> {
                f.status = "CLOSED";
                f.outcome = e.outcome().name();
                f.steps.add(new Step(e.closedAt(), "CLOSED", e.closedBy(), e.note()));
            }))
            .on(LeakCaseViewed.class, HistoryView.mutating((f, e) ->
                    f.steps.add(new Step(e.viewedAt(), "VIEWED", e.viewerId(), null))))
            .build(f -> f);

    LeakCaseRecord load(UUID reportId) {
        Fold fold = history.read(reportId, CASE)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_LEAK_CASE));
        LeakReportFiled filed = fold.filed;
        return new LeakCaseRecord(reportId, filed.category().name(), fold.status, fold.outcome, filed.reporterId(),
                filed.description(), filed.suspectedStaffId(), filed.concernedMemberId(), filed.filedAt(),
                List.copyOf(fold.steps));
    }

    private static final class Fold {
        private LeakReportFiled filed;
        private String status;
        private String outcome;
        private final List<Step> steps = new ArrayList<>();
    }
}
