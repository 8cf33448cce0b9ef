package com.matchmaking.app.introduction;

import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.introduction.IntroductionRules.Party;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.introduction.Introductions;
import com.matchmaking.readmodels.introduction.Introductions.Listed;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.introduction.GiveIntroductionFeedback;
import com.matchmaking.schema.introduction.IntroductionOutcome;
import com.matchmaking.schema.introduction.IntroductionStatus;
import com.matchmaking.schema.introduction.ProposeIntroduction;
import com.matchmaking.schema.introduction.RecordIntroductionOutcome;
import com.matchmaking.schema.introduction.RecordMeeting;
import com.matchmaking.schema.introduction.RespondToIntroduction;
import com.matchmaking.schema.introduction.WithdrawFromIntroduction;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Introductions: matchmakers propose and follow up on the members they look after; the two members answer, give
 * feedback and, once both accepted, see each other's contact. That contact is read from the other member's log at
 * the moment it is asked for, and every look is appended to that member's log first.
 */
@Controller
class IntroductionController {

    private final AuditedCommands commands;
    private final Introductions introductions;
    private final IntroductionRecords records;
    private final SubjectHistory history;
    private final AccessProtocol access;
    private final Clock clock;

    IntroductionController(AuditedCommands commands, Introductions introductions, IntroductionRecords records,
                           SubjectHistory history, AccessProtocol access, Clock clock) {
        this.commands = commands;
        this.introductions = introductions;
        this.records = records;
        this.history = history;
        this.access = access;
        this.clock = clock;
    }

    /** An introduction as a matchmaker sees it. */
    record StaffIntroduction(UUID introductionId, UUID memberA, UUID memberB, String status, String responseA,
                             String responseB, Instant proposedAt, String note, List<IntroductionRecords.Meeting> meetings,
                             String outcome, String feedbackA, String feedbackB) {
    }

    /** An introduction as one of its members sees it. */
    record MemberIntroduction(UUID introductionId, String status, Instant proposedAt, String myResponse,
                              String partnerResponse, IntroducedMember partner, List<IntroductionRecords.Meeting> meetings,
                              String outcome, String myFeedback) {
    }

    /**
     * The other member, as another member may see them. The introduction and whether it is confirmed ride along for
     * the contact field; the schema does not expose them.
     */
    record IntroducedMember(UUID memberId, boolean erased, String name, Integer age, Gender gender, String city,
                            Education education, Integer heightCm, MaritalStatus maritalStatus, String aboutMe,
                            UUID introductionId) {
        static IntroducedMember erased(UUID introductionId) {
            return new IntroducedMember(null, true, null, null, null, null, null, null, null, null, introductionId);
        }
    }

    record PartnerContact(String phone, String wechatId) {
    }

    @MutationMapping
    StaffIntroduction proposeIntroduction(@Argument UUID memberA, @Argument UUID memberB, @Argument String note,
                                          @ContextValue Actor actor) {
        String text = FreeTextInput.optional(Kind.INTRODUCTION_TEXT, note, "note");
        UUID introductionId = UUID.randomUUID();
        commands.send(new ProposeIntroduction(introductionId, memberA, memberB, actor.accountId(), text, clock.instant()),
                actor, Purpose.MATCHMAKING);
        return staffView(listed(introductionId), actor);
    }

    @QueryMapping
    List<StaffIntroduction> introductions(@Argument UUID memberId, @ContextValue Actor actor) {
        if (!looksAfter(actor, memberId)) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
        return introductions.ofMember(memberId).stream().map(l -> staffView(l, actor)).toList();
    }

    @MutationMapping
    StaffIntroduction recordMeeting(@Argument UUID introductionId, @Argument Instant meetingAt, @Argument String place,
                                    @ContextValue Actor actor) {
        Listed listed = forMatchmaker(introductionId, actor);
        String where = FreeTextInput.required(Kind.INTRODUCTION_TEXT, place, "place");
        if (meetingAt == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "meetingAt");
        }
        commands.send(new RecordMeeting(introductionId, UUID.randomUUID(), actor.accountId(), meetingAt, where,
                clock.instant()), actor, Purpose.MATCHMAKING);
        return staffView(listed(listed.introductionId()), actor);
    }

    @MutationMapping
    StaffIntroduction recordIntroductionOutcome(@Argument UUID introductionId, @Argument IntroductionOutcome outcome,
                                                @ContextValue Actor actor) {
        forMatchmaker(introductionId, actor);
        if (outcome == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "outcome");
        }
        commands.send(new RecordIntroductionOutcome(introductionId, actor.accountId(), outcome, clock.instant()), actor,
                Purpose.MATCHMAKING);
        return staffView(listed(introductionId), actor);
    }

    @QueryMapping
    List<MemberIntroduction> myIntroductions(@ContextValue Actor actor) {
        return introductions.ofMember(actor.accountId()).stream().map(l -> memberView(l, actor.accountId())).toList();
    }

    @MutationMapping
    MemberIntroduction respondToIntroduction(@Argument UUID introductionId, @Argument Boolean accept,
                                             @ContextValue Actor actor) {
        forMember(introductionId, actor);
        if (accept == null) {
            throw RequestRejectedException.badRequest(MessageKey.REQUIRED, "accept");
        }
        commands.send(new RespondToIntroduction(introductionId, actor.accountId(), accept, clock.instant()), actor,
                Purpose.MATCHMAKING);
        return memberView(listed(introductionId), actor.accountId());
    }

    @MutationMapping
    MemberIntroduction giveIntroductionFeedback(@Argument UUID introductionId, @Argument String text,
                                                @ContextValue Actor actor) {
        forMember(introductionId, actor);
        String feedback = FreeTextInput.required(Kind.INTRODUCTION_TEXT, text, "text");
        commands.send(new GiveIntroductionFeedback(introductionId, actor.accountId(), feedback, clock.instant()), actor,
                Purpose.MATCHMAKING);
        return memberView(listed(introductionId), actor.accountId());
    }

    @MutationMapping
    MemberIntroduction withdrawFromIntroduction(@Argument UUID introductionId, @ContextValue Actor actor) {
        forMember(introductionId, actor);
        commands.send(new WithdrawFromIntroduction(introductionId, actor.accountId(), clock.instant()), actor,
                Purpose.MATCHMAKING);
        return memberView(listed(introductionId), actor.accountId());
    }

    /**
     * The contact rule: only the other member of an introduction both accepted, only while it stands (neither
     * withdrew, blocked the other or was suspended), and only after the look is recorded in the viewed member's log.
     */
    @SchemaMapping(typeName = "IntroducedMember", field = "contact")
    PartnerContact contact(IntroducedMember partner, @ContextValue Actor actor) {
        if (partner.erased() || partner.memberId() == null) {
            return null;
        }
        Listed listed = introductions.find(partner.introductionId()).orElse(null);
        if (listed == null || !IntroductionStatus.CONFIRMED.name().equals(listed.status())
                || !listed.involves(actor.accountId()) || !listed.involves(partner.memberId())
                || actor.accountId().equals(partner.memberId())) {
            return null;
        }
        Party viewed = party(partner.memberId());
        if (!contactStands(party(actor.accountId()), viewed)) {
            return null;
        }
        return access.read(actor, partner.memberId(), Access.partnerContact(listed.introductionId()), () -> {
            Profile profile = history.read(partner.memberId(), MemberDetails.PROFILE)
                    .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
            return new PartnerContact(profile.phone(), profile.wechatId());
        });
    }

    /**
     * Checked from both members' own logs at the moment of the look, besides the introduction's status: a block in
     * either direction or a suspension of either takes contact back even where no ending of the introduction was
     * recorded (blocks stored before introductions ended with them), and whatever the listing says.
     */
    private static boolean contactStands(Party viewer, Party viewed) {
        return !viewer.erased() && !viewed.erased()
                && !viewer.suspended() && !viewed.suspended()
                && !viewer.blocked().contains(viewed.memberId())
                && !viewed.blocked().contains(viewer.memberId());
    }

    /** The member's standing from their own log; an id with no member behind it is not found, as ever. */
    private Party party(UUID memberId) {
        return history.read(memberId, PartyView.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }

    private Listed listed(UUID introductionId) {
        return introductions.find(introductionId).orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_INTRODUCTION));
    }

    private Listed forMember(UUID introductionId, Actor actor) {
        Listed listed = listed(introductionId);
        if (!listed.involves(actor.accountId())) {
            // The same answer as for an id that does not exist: others' introductions are not even confirmed to exist.
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_INTRODUCTION);
        }
        return listed;
    }

    private Listed forMatchmaker(UUID introductionId, Actor actor) {
        Listed listed = listed(introductionId);
        if (!looksAfter(actor, listed.memberA()) && !looksAfter(actor, listed.memberB())) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_INTRODUCTION);
        }
        return listed;
    }

    /** Whether the matchmaker is assigned to the member now, as the member's own log says. */
    private boolean looksAfter(Actor actor, UUID memberId) {
        if (memberId == null) {
            return false;
        }
        return history.read(memberId, PartyView.VIEW)
                .map(party -> !party.erased() && actor.accountId().equals(party.matchmakerId()))
                .orElse(false);
    }

    /**
     * The introduction with its records decrypted, after an {@code IntroductionRecordsViewed} access event is stored on
     * each party: the note, the meetings and the feedback are personal data about both, whoever wrote them. Once
     * either party is erased the records are gone, and nothing is shown or recorded.
     */
    private StaffIntroduction staffView(Listed l, Actor actor) {
        boolean readable = !l.erasedA() && !l.erasedB();
        List<UUID> parties = Stream.of(l.memberA(), l.memberB()).filter(Objects::nonNull).toList();
        IntroductionRecords.Contents contents = readable
                ? access.read(actor, parties, Access.introductionRecords(l.introductionId()),
                        () -> records.load(l.introductionId()))
                : IntroductionRecords.Contents.NONE;
        return new StaffIntroduction(l.introductionId(), l.memberA(), l.memberB(), l.status(), l.responseA(),
                l.responseB(), l.proposedAt(), contents.note(), contents.meetings(), l.outcome(),
                l.memberA() == null ? null : contents.feedback().get(l.memberA()),
                l.memberB() == null ? null : contents.feedback().get(l.memberB()));
    }

    private MemberIntroduction memberView(Listed l, UUID me) {
        boolean iAmA = me.equals(l.memberA());
        UUID partnerId = iAmA ? l.memberB() : l.memberA();
        boolean partnerErased = iAmA ? l.erasedB() : l.erasedA();
        IntroductionRecords.Contents contents = l.erasedA() || l.erasedB() ? IntroductionRecords.Contents.NONE
                : records.load(l.introductionId());
        return new MemberIntroduction(l.introductionId(), l.status(), l.proposedAt(), iAmA ? l.responseA() : l.responseB(),
                iAmA ? l.responseB() : l.responseA(),
                partnerErased || partnerId == null ? IntroducedMember.erased(l.introductionId())
                        : partner(partnerId, l.introductionId()),
                contents.meetings(), l.outcome(), contents.feedback().get(me));
    }

    /** What another member may see: surname and a star, age, gender, city, education, height, marital status, about me. */
    private IntroducedMember partner(UUID memberId, UUID introductionId) {
        PartnerCard card = history.read(memberId, PartnerCard.VIEW)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
        if (card.party().erased()) {
            return IntroducedMember.erased(introductionId);
        }
        Profile p = card.profile();
        return new IntroducedMember(memberId, false, Masking.surnameOnly(p.fullName()),
                Masking.age(p.birthDate(), LocalDate.now(clock)), p.gender(), p.city(), p.education(), p.heightCm(),
                p.maritalStatus(), p.aboutMe(), introductionId);
    }

    /** What a partner's card is made of, read in one pass: whether they are erased, and their profile. */
    private record PartnerCard(Party party, Profile profile) {
        static final HistoryView<PartnerCard> VIEW =
                HistoryView.combine(PartyView.VIEW, MemberDetails.PROFILE, PartnerCard::new);
    }
}
