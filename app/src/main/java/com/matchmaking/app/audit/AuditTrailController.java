package com.matchmaking.app.audit;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.member.MemberHistory;
import com.matchmaking.app.problem.Classification;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.risk.StaffAccessCheck;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.purpose.Purpose;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who changed and who saw a member's data, and why: compliance reads a subject's audit trail (personal values
 * masked), a member reads their own access log. Both come straight from the event log. Compliance's look at a
 * member's trail is itself an access event, recorded before the trail is read, so it shows in the member's log.
 */
@Controller
class AuditTrailController {

    private final AuditTrail trail;
    private final MemberHistory history;
    private final AuditedCommands commands;
    private final StaffAccessCheck accessCheck;
    private final Clock clock;

    AuditTrailController(AuditTrail trail, MemberHistory history, AuditedCommands commands, StaffAccessCheck accessCheck,
                         Clock clock) {
        this.trail = trail;
        this.history = history;
        this.commands = commands;
        this.accessCheck = accessCheck;
        this.clock = clock;
    }

    @QueryMapping
    List<AuditTrail.AuditEntry> auditTrail(@Argument UUID subjectId, @Argument Instant from, @Argument Instant to,
                                           @ContextValue Actor actor) {
        if (from != null && to != null && to.isBefore(from)) {
            throw RequestRejectedException.badRequest(MessageKey.TO_BEFORE_FROM);
        }
        String type = trail.aggregateType(subjectId)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_SUBJECT));
        if ("Member".equals(type)) {
            recordView(subjectId, from, to, actor);
            accessCheck.stillAllowed(actor);
        }
        return trail.read(subjectId, from, to).entries();
    }

    @QueryMapping
    List<MemberHistory.AccessEntry> myAccessLog(@ContextValue Actor actor) {
        return history.load(actor.accountId()).accessLog();
    }

    private void recordView(UUID memberId, Instant from, Instant to, Actor actor) {
        try {
            commands.send(new RecordAuditTrailView(memberId, actor.accountId(), actor.auditRole(), from, to, clock.instant()),
                    actor, Purpose.AUDIT_TRAIL);
        } catch (RequestRejectedException | CommandExecutionException e) {
            RequestRejectedException rejected = rejection(e);
            if (rejected == null || rejected.classification() != Classification.NOT_FOUND) {
                throw e;
            }
            // An erased member: nothing of theirs can be read any more, and no event can be added for them.
        }
    }

    private static RequestRejectedException rejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestRejectedException r) {
                return r;
            }
        }
        return null;
    }
}
