package com.matchmaking.app.leakreport;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.leakreport.AddLeakCaseNote;
import com.matchmaking.schema.leakreport.CloseLeakCase;
import com.matchmaking.schema.leakreport.FileLeakReport;
import com.matchmaking.schema.leakreport.LeakCaseClosed;
import com.matchmaking.schema.leakreport.LeakCaseNoteAdded;
import com.matchmaking.schema.leakreport.LeakCaseViewed;
import com.matchmaking.schema.leakreport.LeakInvestigationStarted;
import com.matchmaking.schema.leakreport.LeakReportFiled;
import com.matchmaking.schema.leakreport.RecordLeakCaseView;
import com.matchmaking.schema.leakreport.StartLeakInvestigation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A staff member's report of a suspected leak or misuse, worked by compliance from open to closed. */
@Aggregate
class LeakReport {

    enum Status { OPEN, INVESTIGATING, CLOSED }

    @AggregateIdentifier
    @DataSubjectId
    private UUID reportId;
    @NotPersonal
    private Status status;
    @PersonalData(group = KeyGroups.CASE, purpose = DataPurposes.LEAK_REPORTING)
    private UUID suspectedStaffId;

    protected LeakReport() {
        // For Axon.
    }

    @CommandHandler
    LeakReport(FileLeakReport command) {
        apply(new LeakReportFiled(command.reportId(), command.reporterId(), command.category(), command.description(),
                command.suspectedStaffId(), command.concernedMemberId(), command.filedAt()));
    }

    @CommandHandler
    void handle(StartLeakInvestigation command) {
        requireNotSuspect(command.investigatorId());
        if (status != Status.OPEN) {
            throw RequestRejectedException.conflict(MessageKey.LEAK_CASE_NOT_OPEN);
        }
        apply(new LeakInvestigationStarted(reportId, command.investigatorId(), command.startedAt()));
    }

    @CommandHandler
    void handle(AddLeakCaseNote command) {
        requireNotSuspect(command.authorId());
        requireOpen();
        apply(new LeakCaseNoteAdded(reportId, command.authorId(), command.note(), command.addedAt()));
    }

    @CommandHandler
    void handle(CloseLeakCase command) {
        requireNotSuspect(command.closedBy());
        requireOpen();
        apply(new LeakCaseClosed(reportId, command.closedBy(), command.outcome(), command.note(), command.closedAt()));
    }

    @CommandHandler
    void handle(RecordLeakCaseView command) {
        requireNotSuspect(command.viewerId());
        apply(new LeakCaseViewed(reportId, command.viewerId(), command.viewedAt()));
    }

    /**
     * The staff member a case names as the suspect neither reads, works nor closes it, compliance officer or not: they
     * could otherwise bury it or learn who reported them. They get the answer for a case that does not exist, so the
     * refusal itself does not tell them they are suspected.
     */
    private void requireNotSuspect(UUID staffId) {
        if (suspectedStaffId != null && suspectedStaffId.equals(staffId)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_LEAK_CASE);
        }
    }

    private void requireOpen() {
        if (status == Status.CLOSED) {
            throw RequestRejectedException.conflict(MessageKey.LEAK_CASE_CLOSED);
        }
    }

    @EventSourcingHandler
    void on(LeakReportFiled event) {
        reportId = event.reportId();
        status = Status.OPEN;
        suspectedStaffId = event.suspectedStaffId();
    }

    @EventSourcingHandler
    void on(LeakInvestigationStarted event) {
        status = Status.INVESTIGATING;
    }

    @EventSourcingHandler
    void on(LeakCaseClosed event) {
        status = Status.CLOSED;
    }
}
