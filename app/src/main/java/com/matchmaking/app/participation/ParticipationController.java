package com.matchmaking.app.participation;

import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.availability.KnownMembers;
import com.matchmaking.app.consent.ConsentViews;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A member's place in matching (pause, resume, blocks) and customer service's side of it (suspensions, consultation
 * notes). Notes are read from the member's log, encrypted under their key, and each reading is recorded first.
 */
@Controller
class ParticipationController {

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final KnownMembers members;
    private final AccessProtocol access;
    private final Clock clock;

    ParticipationController(AuditedCommands commands, SubjectHistory history, KnownMembers members,
                          AccessProtocol access, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.members = members;
        this.access = access;
        this.clock = clock;
    }

    record MatchingStatus(boolean paused, boolean suspended, List<UUID> blockedMembers, boolean personalised) {
        static final HistoryView<MatchingStatus> VIEW = HistoryView.combine(MatchingState.VIEW, ConsentViews.CURRENT,
                (matching, consents) -> new MatchingStatus(matching.paused(), matching.suspended(), matching.blocked(),
                        consents.get(ConsentPurpose.PERSONALISED_RECOMMENDATIONS).granted()));
    }

    @QueryMapping
    MatchingStatus myMatchingStatus(@ContextValue Actor actor) {
        return history.read(actor.accountId(), MatchingStatus.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }

    @MutationMapping
    MatchingStatus blockMember(@Argument UUID memberId, @ContextValue Actor actor) {
        commands.send(new BlockMember(actor.accountId(), memberId, clock.instant()), actor, Purpose.MATCHMAKING);
        return myMatchingStatus(actor);
    }

    @MutationMapping
    MatchingStatus pauseMatching(@ContextValue Actor actor) {
        commands.send(new PauseMatching(actor.accountId(), clock.instant()), actor, Purpose.MATCHMAKING);
        return myMatchingStatus(actor);
    }

    @MutationMapping
    MatchingStatus resumeMatching(@ContextValue Actor actor) {
        commands.send(new ResumeMatching(actor.accountId(), clock.instant()), actor, Purpose.MATCHMAKING);
        return myMatchingStatus(actor);
    }

    @MutationMapping
    boolean suspendMember(@Argument UUID memberId, @Argument String reason, @ContextValue Actor actor) {
        String stated = FreeTextInput.required(Kind.CARE_TEXT, reason, "reason");
        requireKnown(memberId);
        commands.send(new SuspendMember(memberId, actor.accountId(), stated, clock.instant()), actor, Purpose.CUSTOMER_CARE);
        return true;
    }

    @MutationMapping
    boolean reinstateMember(@Argument UUID memberId, @ContextValue Actor actor) {
        requireKnown(memberId);
        commands.send(new ReinstateMember(memberId, actor.accountId(), clock.instant()), actor, Purpose.CUSTOMER_CARE);
        return true;
    }

    @MutationMapping
    ConsultationNote addConsultationNote(@Argument UUID memberId, @Argument String text,
                                                      @ContextValue Actor actor) {
        String note = FreeTextInput.required(Kind.CARE_TEXT, text, "text");
        requireKnown(memberId);
        UUID noteId = UUID.randomUUID();
        var addedAt = clock.instant();
        commands.send(new AddConsultationNote(memberId, noteId, actor.accountId(), note, addedAt), actor, Purpose.CUSTOMER_CARE);
        return new ConsultationNote(noteId, actor.accountId(), note, addedAt);
    }

    @QueryMapping
    List<ConsultationNote> consultationNotes(@Argument UUID memberId, @ContextValue Actor actor) {
        requireKnown(memberId);
        return access.read(actor, memberId, Access.consultationNotes(), 
                () -> history.read(memberId, ConsultationNote.ALL)
                        .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER)));
    }

    /** Registered and not erased, from the log itself: a member registered a moment ago is already known. */
    private void requireKnown(UUID memberId) {
        if (memberId == null || !members.isMember(memberId)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
    }
}
