package com.matchmaking.app.membercards;

import com.matchmaking.app.access.Access;
import com.matchmaking.app.access.AccessProtocol;
import com.matchmaking.app.account.AccountKind;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.account.Logins;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.member.MemberCards;
import com.matchmaking.schema.account.Role;
import com.matchmaking.schema.member.AssignMatchmaker;
import com.matchmaking.schema.purpose.Purpose;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Staff's view of members, each role through its own read model: card lists with cursor pagination and a capped
 * page size, single profiles (each look recorded as an access event), and administrators' assignment of members to
 * matchmakers.
 */
@Controller
class MemberCardsController {

    /** Which read model a staff member reads: the caller picks among the roles they hold. */
    enum StaffView { MATCHMAKER, CUSTOMER_SERVICE }

    record MemberCardFilter(String city, String gender, String status, MemberCards.MatchmakerScope scope) {
    }

    record MemberCardPage(List<MemberCardView> cards, String nextCursor, boolean hasMore) {
    }

    private final MemberCards cards;
    private final AuditedCommands commands;
    private final Logins logins;
    private final AccessProtocol access;
    private final Clock clock;

    MemberCardsController(MemberCards cards, AuditedCommands commands, Logins logins, AccessProtocol access,
                          Clock clock) {
        this.cards = cards;
        this.commands = commands;
        this.logins = logins;
        this.access = access;
        this.clock = clock;
    }

    @QueryMapping
    MemberCardPage memberCards(@Argument MemberCardFilter filter, @Argument Integer first, @Argument String after,
                               @Argument StaffView view, @ContextValue Actor actor) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MemberCards.MAX_PAGE_SIZE) {
            throw RequestRejectedException.badRequest(MessageKey.NUMBER_BETWEEN, "first", 1, MemberCards.MAX_PAGE_SIZE);
        }
        if (filter != null) {
            filterText("filter.city", filter.city());
            filterText("filter.gender", filter.gender());
            filterText("filter.status", filter.status());
        }
        MemberCards.Filter narrowing = filter == null ? MemberCards.Filter.NONE
                : new MemberCards.Filter(filter.city(), filter.gender(), filter.status());
        MemberCards.Page page;
        try {
            page = switch (viewOf(view, actor)) {
                case MATCHMAKER -> cards.forMatchmaker(actor.accountId(),
                        filter == null || filter.scope() == null ? MemberCards.MatchmakerScope.ASSIGNED : filter.scope(),
                        narrowing, size, after);
                case CUSTOMER_SERVICE -> cards.forCustomerService(narrowing, size, after);
            };
        } catch (IllegalArgumentException badCursor) {
            throw RequestRejectedException.badRequest(MessageKey.BAD_CURSOR);
        }
        LocalDate today = LocalDate.now(clock);
        return new MemberCardPage(page.cards().stream().map(c -> MemberCardView.of(c, today)).toList(), page.nextCursor(),
                page.nextCursor() != null);
    }

    /** A filter value no row could hold: control characters (PostgreSQL refuses NUL outright) or far too long. */
    private static void filterText(String name, String value) {
        if (value != null && (value.length() > 200 || value.chars().anyMatch(Character::isISOControl))) {
            throw RequestRejectedException.badRequest(MessageKey.INVALID_ARGUMENT, name);
        }
    }

    @QueryMapping
    MemberCardView memberProfile(@Argument UUID memberId, @Argument StaffView view, @ContextValue Actor actor) {
        MemberCards.Card card = (switch (viewOf(view, actor)) {
            case MATCHMAKER -> cards.matchmakerCard(actor.accountId(), memberId);
            case CUSTOMER_SERVICE -> cards.serviceCard(memberId);
        }).orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE));
        // The card is looked up first because the lookup is also the visibility rule (a member the caller may not
        // see gets no access event); it leaves only through the protocol, after the look is recorded.
        return access.read(actor, memberId, Access.profileView(), () -> MemberCardView.of(card, LocalDate.now(clock)));
    }

    @MutationMapping
    boolean assignMatchmaker(@Argument UUID memberId, @Argument UUID matchmakerId, @ContextValue Actor actor) {
        if (matchmakerId != null) {
            Actor matchmaker = logins.actor(matchmakerId).orElse(null);
            if (matchmaker == null || matchmaker.kind() != AccountKind.STAFF || !matchmaker.has(Role.MATCHMAKER)) {
                throw RequestRejectedException.badRequest(MessageKey.MATCHMAKER_ID_ROLE);
            }
        }
        commands.send(new AssignMatchmaker(memberId, matchmakerId, clock.instant()), actor, Purpose.MEMBER_ASSIGNMENT);
        return true;
    }

    static StaffView viewOf(StaffView requested, Actor actor) {
        if (requested != null) {
            if (!actor.has(Role.valueOf(requested.name()))) {
                throw RequestRejectedException.forbidden(MessageKey.VIEW_ROLE_NOT_HELD);
            }
            return requested;
        }
        return actor.has(Role.MATCHMAKER) ? StaffView.MATCHMAKER : StaffView.CUSTOMER_SERVICE;
    }
}
