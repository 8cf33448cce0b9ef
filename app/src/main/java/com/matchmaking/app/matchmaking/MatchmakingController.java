package com.matchmaking.app.matchmaking;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.audit.AuditedCommands;
import com.matchmaking.app.availability.KnownMembers;
import com.matchmaking.app.member.MemberHistory;
import com.matchmaking.app.member.MemberHistory.MemberRecord;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.risk.StaffAccessCheck;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.matchmaking.AddConsultationNote;
import com.matchmaking.schema.matchmaking.BlockMember;
import com.matchmaking.schema.matchmaking.PauseMatching;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.ReinstateMember;
import com.matchmaking.schema.matchmaking.ResumeMatching;
import com.matchmaking.schema.matchmaking.SuspendMember;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A member's place in matching (pause, resume, blocks) and customer service's side of it (suspensions, consultation
 * notes). Notes are read from the member's log, encrypted under their key, and each reading is recorded first.
 */
@Controller
class MatchmakingController {

    /** Longest consultation note or suspension reason; the aggregate holds the same limit. */
    static final int MAX_TEXT = 5000;

    private final AuditedCommands commands;
    private final MemberHistory history;
    private final KnownMembers members;
    private final StaffAccessCheck accessCheck;
    private final Clock clock;

    MatchmakingController(AuditedCommands commands, MemberHistory history, KnownMembers members,
                          StaffAccessCheck accessCheck, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.members = members;
        this.accessCheck = accessCheck;
        this.clock = clock;
    }

    record MatchingStatus(boolean paused, boolean suspended, List<UUID> blockedMembers, boolean personalised) {
        static MatchingStatus of(MemberRecord record) {
            return new MatchingStatus(record.matching().paused(), record.matching().suspended(),
                    record.matching().blocked(),
                    record.consents().get(ConsentPurpose.PERSONALISED_RECOMMENDATIONS).granted());
        }
    }

    @QueryMapping
    MatchingStatus myMatchingStatus(@ContextValue Actor actor) {
        return MatchingStatus.of(history.load(actor.accountId()));
    }

    @MutationMapping
    MatchingStatus blockMember(@Argument UUID memberId, @ContextValue Actor actor) {
        commands.send(new BlockMember(actor.accountId(), memberId, clock.instant()), actor, "matchmaking");
        return myMatchingStatus(actor);
    }

    @MutationMapping
    MatchingStatus pauseMatching(@ContextValue Actor actor) {
        commands.send(new PauseMatching(actor.accountId(), clock.instant()), actor, "matchmaking");
        return myMatchingStatus(actor);
    }

    @MutationMapping
    MatchingStatus resumeMatching(@ContextValue Actor actor) {
        commands.send(new ResumeMatching(actor.accountId(), clock.instant()), actor, "matchmaking");
        return myMatchingStatus(actor);
    }

    @MutationMapping
    boolean suspendMember(@Argument UUID memberId, @Argument String reason, @ContextValue Actor actor) {
        String stated = requiredText(reason, "reason");
        requireKnown(memberId);
        commands.send(new SuspendMember(memberId, actor.accountId(), stated, clock.instant()), actor, "customer-care");
        return true;
    }

    @MutationMapping
    boolean reinstateMember(@Argument UUID memberId, @ContextValue Actor actor) {
        requireKnown(memberId);
        commands.send(new ReinstateMember(memberId, actor.accountId(), clock.instant()), actor, "customer-care");
        return true;
    }

    @MutationMapping
    MemberHistory.ConsultationNote addConsultationNote(@Argument UUID memberId, @Argument String text,
                                                      @ContextValue Actor actor) {
        String note = requiredText(text, "text");
        requireKnown(memberId);
        UUID noteId = UUID.randomUUID();
        var addedAt = clock.instant();
        commands.send(new AddConsultationNote(memberId, noteId, actor.accountId(), note, addedAt), actor, "customer-care");
        return new MemberHistory.ConsultationNote(noteId, actor.accountId(), note, addedAt);
    }

    @QueryMapping
    List<MemberHistory.ConsultationNote> consultationNotes(@Argument UUID memberId, @ContextValue Actor actor) {
        requireKnown(memberId);
        commands.send(new RecordConsultationNotesView(memberId, actor.accountId(), actor.auditRole(), clock.instant()),
                actor, "customer-care");
        accessCheck.stillAllowed(actor);
        return history.load(memberId).notes();
    }

    /** Registered and not erased, from the log itself: a member registered a moment ago is already known. */
    private void requireKnown(UUID memberId) {
        if (memberId == null || !members.isMember(memberId)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
    }

    private static String requiredText(String raw, String name) {
        String text = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, name, 1, MAX_TEXT);
        }
        return text;
    }
}
