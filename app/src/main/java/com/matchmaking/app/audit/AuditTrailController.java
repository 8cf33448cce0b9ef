package com.matchmaking.app.audit;

import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

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
    private final SubjectHistory history;
    private final AccessProtocol access;

    AuditTrailController(AuditTrail trail, SubjectHistory history, AccessProtocol access) {
        this.trail = trail;
        this.history = history;
        this.access = access;
    }

    @QueryMapping
    List<AuditTrail.AuditEntry> auditTrail(@Argument UUID subjectId, @Argument Instant from, @Argument Instant to,
                                           @ContextValue Actor actor) {
        if (from != null && to != null && to.isBefore(from)) {
            throw RequestRejectedException.badRequest(MessageKey.TO_BEFORE_FROM);
        }
        String type = trail.aggregateType(subjectId)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_SUBJECT));
        // Only a member keeps a log of who looked at their data; other subjects' trails (staff accounts, introductions)
        // are recorded nowhere, as before, and the reader is still checked.
        List<UUID> subjects = "Member".equals(type) ? List.of(subjectId) : List.of();
        return access.read(actor, subjects, Access.auditTrail(from, to), () -> trail.read(subjectId, from, to).entries());
    }

    @QueryMapping
    List<AccessLogView.AccessEntry> myAccessLog(@ContextValue Actor actor) {
        return history.read(actor.accountId(), AccessLogView.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }
}
