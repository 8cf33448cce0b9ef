package com.matchmaking.app.leakreport;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.readmodels.leakreport.LeakCases;
import com.matchmaking.schema.leakreport.AddLeakCaseNote;
import com.matchmaking.schema.leakreport.CloseLeakCase;
import com.matchmaking.schema.leakreport.FileLeakReport;
import com.matchmaking.schema.leakreport.LeakCaseOutcome;
import com.matchmaking.schema.leakreport.LeakCategory;
import com.matchmaking.schema.leakreport.RecordLeakCaseView;
import com.matchmaking.schema.leakreport.StartLeakInvestigation;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.text.FreeText.Kind;
import com.matchmaking.schema.text.FreeText;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The leak-report channel. Any staff member files a report (no agreement or training needed: reporting must never be
 * harder than staying silent); who filed it stays encrypted, readable by compliance only, and every reading of a case
 * in full is an access event on the case.
 */
@Controller
class LeakReportController {

    record LeakReportInput(LeakCategory category, String description, UUID suspectedStaffId, UUID concernedMemberId) {
    }

    record LeakReportReceipt(UUID reportId, Instant filedAt) {
    }

    private final AuditedCommands commands;
    private final LeakReportRecords records;
    private final LeakCases cases;
    private final Clock clock;

    LeakReportController(AuditedCommands commands, LeakReportRecords records, LeakCases cases, Clock clock) {
        this.commands = commands;
        this.records = records;
        this.cases = cases;
        this.clock = clock;
    }

    @MutationMapping
    LeakReportReceipt fileLeakReport(@Argument LeakReportInput input, @ContextValue Actor actor) {
        String description = text(input.description(), "description");
        Violations violations = new Violations();
        violations.check(input.category() != null, MessageKey.REQUIRED, "category");
        violations.check(Kind.LEAK_DESCRIPTION.admits(description), MessageKey.LEAK_DESCRIPTION_LENGTH);
        violations.throwIfAny();
        UUID reportId = UUID.randomUUID();
        Instant now = clock.instant();
        commands.sendConfidentially(new FileLeakReport(reportId, actor.accountId(), input.category(), description,
                input.suspectedStaffId(), input.concernedMemberId(), now), Purpose.LEAK_REPORT);
        return new LeakReportReceipt(reportId, now);
    }

    @QueryMapping
    List<LeakCases.LeakCaseSummary> leakCases(@Argument String status) {
        return cases.list(status);
    }

    @QueryMapping
    LeakReportRecords.LeakCaseRecord leakCase(@Argument UUID reportId, @ContextValue Actor actor) {
        onCase(new RecordLeakCaseView(reportId, actor.accountId(), clock.instant()), actor);
        return records.load(reportId);
    }

    @MutationMapping
    LeakReportRecords.LeakCaseRecord startLeakInvestigation(@Argument UUID reportId, @ContextValue Actor actor) {
        onCase(new StartLeakInvestigation(reportId, actor.accountId(), clock.instant()), actor);
        return records.load(reportId);
    }

    @MutationMapping
    LeakReportRecords.LeakCaseRecord addLeakCaseNote(@Argument UUID reportId, @Argument String note, @ContextValue Actor actor) {
        onCase(new AddLeakCaseNote(reportId, actor.accountId(), requiredNote(note), clock.instant()), actor);
        return records.load(reportId);
    }

    @MutationMapping
    LeakReportRecords.LeakCaseRecord closeLeakCase(@Argument UUID reportId, @Argument LeakCaseOutcome outcome,
                                                   @Argument String note, @ContextValue Actor actor) {
        if (outcome == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "outcome");
        }
        onCase(new CloseLeakCase(reportId, actor.accountId(), outcome, requiredNote(note), clock.instant()), actor);
        return records.load(reportId);
    }

    /**
     * A case that does not exist answers exactly as one the caller is named the suspect of (the aggregate's refusal),
     * so the answer does not tell a suspect that the case is about them.
     */
    private void onCase(Object command, Actor actor) {
        try {
            commands.send(command, actor, Purpose.LEAK_INVESTIGATION);
        } catch (AggregateNotFoundException unknown) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_LEAK_CASE);
        }
    }

    private static String requiredNote(String note) {
        return FreeTextInput.required(Kind.LEAK_CASE_NOTE, text(note, "note"), "note");
    }

    /** The text as stored; control characters (other than line breaks and tabs) are refused like everywhere else. */
    private static String text(String raw, String field) {
        if (raw != null && raw.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw RequestRejectedException.badRequest(MessageKey.INVALID_ARGUMENT, field);
        }
        return FreeText.normalise(raw);
    }
}
