package com.matchmaking.app.introduction;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.introduction.CloseIntroductionOnErasure;
import com.matchmaking.schema.introduction.EndIntroduction;
import com.matchmaking.schema.introduction.GiveIntroductionFeedback;
import com.matchmaking.schema.introduction.IntroductionAccepted;
import com.matchmaking.schema.introduction.IntroductionConfirmed;
import com.matchmaking.schema.introduction.IntroductionDeclined;
import com.matchmaking.schema.introduction.IntroductionEnded;
import com.matchmaking.schema.introduction.IntroductionFeedbackGiven;
import com.matchmaking.schema.introduction.IntroductionOutcomeRecorded;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import com.matchmaking.schema.introduction.IntroductionProposed;
import com.matchmaking.schema.introduction.IntroductionStatus;
import com.matchmaking.schema.introduction.IntroductionWithdrawn;
import com.matchmaking.schema.introduction.MeetingRecorded;
import com.matchmaking.schema.introduction.ProposeIntroduction;
import com.matchmaking.schema.introduction.RecordIntroductionOutcome;
import com.matchmaking.schema.introduction.RecordMeeting;
import com.matchmaking.schema.introduction.RespondToIntroduction;
import com.matchmaking.schema.introduction.WithdrawFromIntroduction;
import com.matchmaking.schema.text.FreeText.Kind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Two members a matchmaker proposes should meet, from the proposal through both answers to meetings, feedback and an
 * outcome. It is its own data subject: what it holds about the two (the note, meetings, feedback) is under its own
 * key, destroyed when either member is erased.
 */
@Aggregate
class Introduction {

    static final Duration CAP_WINDOW = Duration.ofDays(7);
    /** The one answer for a member id a matchmaker may not act on, whether or not it names a member. */

    @AggregateIdentifier
    @DataSubjectId
    private UUID introductionId;
    @NotPersonal("a member id")
    private UUID memberA;
    @NotPersonal("a member id")
    private UUID memberB;
    @NotPersonal
    private IntroductionStatus status;
    @NotPersonal("member ids that accepted")
    private Set<UUID> accepted = new HashSet<>();
    @NotPersonal("member ids that were erased")
    private Set<UUID> erased = new HashSet<>();
    @NotPersonal("meeting ids")
    private Set<UUID> meetings = new HashSet<>();

    protected Introduction() {
        // For Axon.
    }

    @CommandHandler
    Introduction(ProposeIntroduction command, IntroductionRules rules) {
        UUID a = command.memberA();
        UUID b = command.memberB();
        if (a == null || b == null || a.equals(b)) {
            throw RequestRejectedException.badRequest(MessageKey.INTRODUCTION_TWO_MEMBERS);
        }
        if (command.note() != null && command.note().length() > Kind.INTRODUCTION_TEXT.max()) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_AT_MOST, "note", Kind.INTRODUCTION_TEXT.max());
        }
        IntroductionRules.Party partyA = party(rules, a);
        IntroductionRules.Party partyB = party(rules, b);
        boolean mineA = command.matchmakerId().equals(partyA.matchmakerId());
        boolean mineB = command.matchmakerId().equals(partyB.matchmakerId());
        if (!mineA && !mineB) {
            // The same answer as for a member who does not exist: a matchmaker learns nothing of others' members.
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
        available(partyA, mineA);
        available(partyB, mineB);
        Instant since = command.proposedAt().minus(CAP_WINDOW);
        // Lock before the checks that concurrent proposals could race on (once per pair, the cap), and in a fixed
        // order, so that two proposals naming the same two members wait for each other instead of deadlocking.
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first == a ? b : a;
        int firstCount = rules.lockAndCountProposalsSince(first, since);
        int secondCount = rules.lockAndCountProposalsSince(second, since);
        if (partyA.blocked().contains(b) || partyB.blocked().contains(a)) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_NOT_ALLOWED);
        }
        if (rules.introducedBefore(a, b)) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_EXISTS);
        }
        if (firstCount >= rules.weeklyCap() || secondCount >= rules.weeklyCap()) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_WEEKLY_CAP, rules.weeklyCap());
        }
        apply(new IntroductionProposed(command.introductionId(), a, b, command.matchmakerId(), blankToNull(command.note()),
                command.proposedAt()));
    }

    private static IntroductionRules.Party party(IntroductionRules rules, UUID memberId) {
        return rules.party(memberId).filter(p -> !p.erased())
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE));
    }

    /**
     * A member out of matching, paused by themselves or suspended by the agency, is refused with one answer that says
     * neither which nor why. Another matchmaker's member out of matching is not theirs to know about at all: the
     * answer is the one for an id that is not a member.
     */
    private static void available(IntroductionRules.Party party, boolean mine) {
        if (party.suspended() || party.paused()) {
            if (!mine) {
                throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
            }
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_NOT_MATCHING);
        }
    }

    @CommandHandler
    void handle(RespondToIntroduction command) {
        requireParty(command.memberId());
        if (status == IntroductionStatus.CONFIRMED && command.accept()) {
            return;
        }
        if (status != IntroductionStatus.PROPOSED) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_NO_MORE_ANSWERS, status);
        }
        if (accepted.contains(command.memberId())) {
            if (command.accept()) {
                return;
            }
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_ACCEPTED);
        }
        if (!command.accept()) {
            apply(new IntroductionDeclined(introductionId, command.memberId(), command.respondedAt()));
            return;
        }
        apply(new IntroductionAccepted(introductionId, command.memberId(), command.respondedAt()));
        if (accepted.contains(other(command.memberId()))) {
            apply(new IntroductionConfirmed(introductionId, memberA, memberB, command.respondedAt()));
        }
    }

    /**
     * A member steps back from a confirmed introduction: it ends, and the contact rule shows neither member the other's
     * phone or WeChat id from then on, whatever either changes them to later. Before confirmation, declining is the way.
     */
    @CommandHandler
    void handle(WithdrawFromIntroduction command) {
        requireParty(command.memberId());
        if (status == IntroductionStatus.ENDED) {
            return;
        }
        if (status != IntroductionStatus.CONFIRMED) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_NOT_WITHDRAWABLE, status);
        }
        apply(new IntroductionWithdrawn(introductionId, command.memberId(), command.withdrawnAt()));
    }

    /** A block or a suspension in one member's log ends their open and confirmed introductions. */
    @CommandHandler
    void handle(EndIntroduction command) {
        UUID member = command.memberId();
        if (!Objects.equals(member, memberA) && !Objects.equals(member, memberB)) {
            throw RequestRejectedException.badRequest(MessageKey.NOT_IN_INTRODUCTION);
        }
        if (status == IntroductionStatus.PROPOSED || status == IntroductionStatus.CONFIRMED) {
            apply(new IntroductionEnded(introductionId, command.endedAt()));
        }
    }

    @CommandHandler
    void handle(RecordMeeting command) {
        requireConfirmed();
        if (command.meetingAt() == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "meetingAt");
        }
        requireText(command.place(), "place");
        if (meetings.contains(command.meetingId())) {
            throw RequestRejectedException.conflict(MessageKey.MEETING_RECORDED);
        }
        apply(new MeetingRecorded(introductionId, command.meetingId(), command.staffId(), command.meetingAt(),
                command.place(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordIntroductionOutcome command) {
        requireConfirmed();
        if (command.outcome() == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "outcome");
        }
        apply(new IntroductionOutcomeRecorded(introductionId, memberA, memberB, command.staffId(), command.outcome(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(GiveIntroductionFeedback command) {
        requireParty(command.memberId());
        requireConfirmed();
        requireText(command.text(), "text");
        apply(new IntroductionFeedbackGiven(introductionId, command.memberId(), command.text(), command.givenAt()));
    }

    @CommandHandler
    void handle(CloseIntroductionOnErasure command) {
        UUID member = command.erasedMemberId();
        if (!Objects.equals(member, memberA) && !Objects.equals(member, memberB)) {
            throw RequestRejectedException.badRequest(MessageKey.NOT_IN_INTRODUCTION);
        }
        if (!erased.contains(member)) {
            apply(new IntroductionPartyErased(introductionId, member, command.closedAt()));
        }
    }

    private void requireParty(UUID memberId) {
        // A member who is not one of the two learns nothing, not even that the introduction exists.
        if (memberId == null || !(memberId.equals(memberA) || memberId.equals(memberB)) || erased.contains(memberId)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_INTRODUCTION);
        }
    }

    private void requireConfirmed() {
        if (status != IntroductionStatus.CONFIRMED) {
            throw RequestRejectedException.conflict(MessageKey.INTRODUCTION_NOT_CONFIRMED, status);
        }
    }

    private static void requireText(String text, String name) {
        if (!Kind.INTRODUCTION_TEXT.admits(text)) {
            throw RequestRejectedException.badRequest(MessageKey.LENGTH_BETWEEN, name, Kind.INTRODUCTION_TEXT.min(),
                    Kind.INTRODUCTION_TEXT.max());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private UUID other(UUID member) {
        return member.equals(memberA) ? memberB : memberA;
    }

    @EventSourcingHandler
    void on(IntroductionProposed event) {
        introductionId = event.introductionId();
        memberA = event.memberA();
        memberB = event.memberB();
        status = IntroductionStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(IntroductionAccepted event) {
        accepted.add(event.memberId());
    }

    @EventSourcingHandler
    void on(IntroductionConfirmed event) {
        status = IntroductionStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(IntroductionDeclined event) {
        status = IntroductionStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(IntroductionWithdrawn event) {
        status = IntroductionStatus.ENDED;
    }

    @EventSourcingHandler
    void on(IntroductionEnded event) {
        status = IntroductionStatus.ENDED;
    }

    @EventSourcingHandler
    void on(MeetingRecorded event) {
        meetings.add(event.meetingId());
    }

    @EventSourcingHandler
    void on(IntroductionPartyErased event) {
        erased.add(event.erasedMemberId());
        status = IntroductionStatus.CLOSED;
    }
}
