package com.matchmaking.app.sharing;

import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.history.HistoryView;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.app.sharing.Shares.ShareRecord;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.readmodels.compliance.DataShareRegister;
import com.matchmaking.readmodels.member.MemberCards;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.sharing.ApproveDataShare;
import com.matchmaking.schema.sharing.RespondToDataShare;
import com.matchmaking.schema.text.FreeText;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sharing a member's data with a third party (PIPL Art. 23): staff who work with the member ask, naming the recipient,
 * the purpose and the fields; the member gives or refuses a separate consent; a compliance officer other than the
 * requester approves; then the requester collects, once, a package holding only those fields, and the hand-over is an
 * access event in the member's log. Compliance keeps the register. Withdrawing the consent to THIRD_PARTY_SHARING
 * cancels every share that has not been handed over yet.
 */
@Controller
class SharingController {

    static final int MAX_REGISTER = 1000;

    /** Which of their roles a staff member asks as. */
    enum StaffView { MATCHMAKER, CUSTOMER_SERVICE }

    /** What the requester hands to the recipient. */
    record DataSharePackage(UUID shareId, UUID memberId, String recipient, String purpose, Map<String, Object> values,
                            Instant producedAt) {
    }

    private final AuditedCommands commands;
    private final SubjectHistory history;
    private final MemberCards cards;
    private final DataShareRegister register;
    private final AccessProtocol access;
    private final Clock clock;

    SharingController(AuditedCommands commands, SubjectHistory history, MemberCards cards, DataShareRegister register,
                      AccessProtocol access, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.cards = cards;
        this.register = register;
        this.access = access;
        this.clock = clock;
    }

    @MutationMapping
    ShareRecord requestDataShare(@Argument UUID memberId, @Argument String recipient, @Argument String purpose,
                                 @Argument List<ProfileField> fields, @Argument StaffView view, @ContextValue Actor actor) {
        Violations violations = new Violations();
        Optional<FreeText> to = FreeText.of(Kind.SHARE_RECIPIENT, recipient);
        Optional<FreeText> why = FreeText.of(Kind.SHARE_PURPOSE, purpose);
        violations.check(to.isPresent(), MessageKey.LENGTH_BETWEEN, "recipient", Kind.SHARE_RECIPIENT.min(),
                Kind.SHARE_RECIPIENT.max());
        violations.check(why.isPresent(), MessageKey.LENGTH_BETWEEN, "purpose", Kind.SHARE_PURPOSE.min(),
                Kind.SHARE_PURPOSE.max());
        violations.check(fields != null && !fields.isEmpty(), MessageKey.FIELDS_NOT_EMPTY);
        violations.throwIfAny();
        requireVisible(memberId, view, actor);
        UUID shareId = UUID.randomUUID();
        return access.read(actor, memberId, Access.shareRequest(shareId, to.get().value(), why.get().value(), fields),
                () -> share(memberId, shareId));
    }

    @QueryMapping
    List<ShareRecord> myDataShares(@ContextValue Actor actor) {
        return member(actor.accountId(), Shares.VIEW);
    }

    @MutationMapping
    ShareRecord respondToDataShare(@Argument UUID shareId, @Argument boolean consent, @ContextValue Actor actor) {
        commands.send(new RespondToDataShare(actor.accountId(), shareId, consent, clock.instant()), actor,
                consent ? Purpose.THIRD_PARTY_SHARE_CONSENT : Purpose.THIRD_PARTY_SHARE_REFUSAL);
        return share(actor.accountId(), shareId);
    }

    @MutationMapping
    ShareRecord approveDataShare(@Argument UUID shareId, @ContextValue Actor actor) {
        UUID memberId = memberOf(shareId);
        commands.send(new ApproveDataShare(memberId, shareId, actor.accountId(), clock.instant()), actor,
                Purpose.THIRD_PARTY_SHARE_APPROVAL);
        return share(memberId, shareId);
    }

    @MutationMapping
    DataSharePackage collectDataShare(@Argument UUID shareId, @ContextValue Actor actor) {
        UUID memberId = memberOf(shareId);
        return access.readAt(actor, memberId, Access.sharePackage(shareId), producedAt -> {
            SharesAndProfile record = member(memberId, SharesAndProfile.VIEW);
            ShareRecord share = Shares.find(record.shares(), shareId)
                    .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_SHARE));
            Profile profile = record.profile();
            Map<String, Object> values = new LinkedHashMap<>();
            for (ProfileField field : share.fields()) {
                Object value = profile.value(field);
                values.put(field.propertyName(), value == null ? null : value.toString());
            }
            return new DataSharePackage(shareId, memberId, share.recipient(), share.purpose(), values, producedAt);
        });
    }

    @QueryMapping
    List<ShareRecord> dataShareRegister(@Argument Instant from, @Argument Instant to) {
        Map<UUID, List<ShareRecord>> members = new LinkedHashMap<>();
        List<ShareRecord> shares = new ArrayList<>();
        for (DataShareRegister.Entry entry : register.between(from, to, MAX_REGISTER)) {
            List<ShareRecord> ofMember = members.computeIfAbsent(entry.memberId(), id -> member(id, Shares.VIEW));
            Shares.find(ofMember, entry.shareId()).ifPresent(shares::add);
        }
        return shares;
    }

    private UUID memberOf(UUID shareId) {
        return register.memberOf(shareId).orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_SHARE));
    }

    private ShareRecord share(UUID memberId, UUID shareId) {
        return Shares.find(member(memberId, Shares.VIEW), shareId)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_SHARE));
    }

    /** The member's log through the view; an id with no member behind it is not found, as ever. */
    private <R> R member(UUID memberId, HistoryView<R> view) {
        return history.read(memberId, view)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
    }

    /** What a share's package is made of, read in one pass: the share and the profile it takes the values from. */
    private record SharesAndProfile(List<ShareRecord> shares, Profile profile) {
        static final HistoryView<SharesAndProfile> VIEW =
                HistoryView.combine(Shares.VIEW, MemberDetails.PROFILE, SharesAndProfile::new);
    }

    /** Staff may ask to share only members they may see: a matchmaker their own members, customer service any. */
    private void requireVisible(UUID memberId, StaffView requested, Actor actor) {
        StaffView view = requested != null ? requested
                : actor.has(Role.MATCHMAKER) ? StaffView.MATCHMAKER : StaffView.CUSTOMER_SERVICE;
        if (!actor.has(Role.valueOf(view.name()))) {
            throw RequestRejectedException.forbidden(MessageKey.VIEW_ROLE_NOT_HELD);
        }
        boolean visible = switch (view) {
            case MATCHMAKER -> cards.isAssigned(actor.accountId(), memberId);
            case CUSTOMER_SERVICE -> cards.serviceCard(memberId).isPresent();
        };
        if (!visible) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
    }
}
