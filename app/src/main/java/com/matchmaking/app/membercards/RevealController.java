package com.matchmaking.app.membercards;

import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.history.SubjectHistory;
import com.matchmaking.app.member.MemberDetails;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.member.MemberCards;
import com.matchmaking.schema.access.MemberField;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;
import com.matchmaking.schema.authorization.AuthorizationTable.Visibility;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.util.UUID;

/**
 * One unmasked value, on purpose: staff state a reason, the look is appended to the member's log as an access event
 * first, and only then is the field decrypted from the log and returned. Matchmakers may reveal only their own
 * members' fields.
 */
@Controller
class RevealController {

    private final MemberCards cards;
    private final SubjectHistory history;
    private final AccessProtocol access;

    RevealController(MemberCards cards, SubjectHistory history, AccessProtocol access) {
        this.cards = cards;
        this.history = history;
        this.access = access;
    }

    @MutationMapping
    String revealField(@Argument UUID memberId, @Argument MemberField field, @Argument String reason,
                       @Argument MemberCardsController.StaffView view, @ContextValue Actor actor) {
        String stated = FreeTextInput.required(Kind.REVEAL_REASON, reason, MessageKey.REVEAL_REASON_LENGTH);
        Audience audience = switch (MemberCardsController.viewOf(view, actor)) {
            case MATCHMAKER -> {
                if (!cards.isAssigned(actor.accountId(), memberId)) {
                    throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
                }
                yield Audience.MATCHMAKER_ASSIGNED;
            }
            case CUSTOMER_SERVICE -> {
                if (cards.serviceCard(memberId).isEmpty()) {
                    throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
                }
                yield Audience.CUSTOMER_SERVICE;
            }
        };
        if (AuthorizationTable.visibility(audience, DataField.valueOf(field.name())) != Visibility.REVEALABLE) {
            throw RequestRejectedException.forbidden(MessageKey.REVEAL_FIELD_FORBIDDEN);
        }
        return access.read(actor, memberId, Access.fieldReveal(field, stated), () -> {
            Profile profile = history.read(memberId, MemberDetails.PROFILE)
                    .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER));
            return switch (field) {
                case FULL_NAME -> profile.fullName();
                case PHONE -> profile.phone();
                case EMAIL -> profile.email();
                case WECHAT_ID -> profile.wechatId();
            };
        });
    }
}
