package com.matchmaking.app.retention;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.compliance.LegalHolds;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.retention.PlaceLegalHold;
import com.matchmaking.schema.retention.ReleaseLegalHold;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Compliance keeps a member's data from erasure while the law requires it (a court order, an authority's request, a
 * pending claim), for a stated reason that is encrypted under the member's key. While the hold stands, neither the
 * member's own erasure request nor the retention rule erases them; a requested erasure goes ahead once it is lifted.
 */
@Controller
class LegalHoldController {

    static final int MAX_HOLDS = 1000;

    /** A hold as compliance sees it. */
    record LegalHold(UUID memberId, String reason, UUID placedBy, Instant placedAt) {
    }

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final LegalHolds holds;
    private final Clock clock;

    LegalHoldController(AuditedCommands commands, SubjectHistory history, LegalHolds holds, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.holds = holds;
        this.clock = clock;
    }

    @MutationMapping
    LegalHold placeLegalHold(@Argument UUID memberId, @Argument String reason, @ContextValue Actor actor) {
        String text = FreeTextInput.required(Kind.LEGAL_HOLD_REASON, reason, MessageKey.HOLD_REASON_LENGTH);
        commands.send(new PlaceLegalHold(memberId, text, actor.accountId(), clock.instant()), actor, Purpose.LEGAL_HOLD);
        return hold(memberId);
    }

    @MutationMapping
    boolean releaseLegalHold(@Argument UUID memberId, @ContextValue Actor actor) {
        commands.send(new ReleaseLegalHold(memberId, actor.accountId(), clock.instant()), actor, Purpose.LEGAL_HOLD_RELEASE);
        return true;
    }

    @QueryMapping
    List<LegalHold> legalHolds() {
        // The list comes from the read model; each hold is read from the member's log, which is the truth.
        return holds.members(MAX_HOLDS).stream().map(this::holdOf).flatMap(Optional::stream).toList();
    }

    private LegalHold hold(UUID memberId) {
        return holdOf(memberId).orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_LEGAL_HOLD_ON_MEMBER));
    }

    private Optional<LegalHold> holdOf(UUID memberId) {
        var state = history.read(memberId, RetentionState.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER)).legalHold();
        return state == null ? Optional.empty()
                : Optional.of(new LegalHold(memberId, state.reason(), state.placedBy(), state.placedAt()));
    }
}
