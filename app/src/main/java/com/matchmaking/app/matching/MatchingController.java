package com.matchmaking.app.matching;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.matching.CandidateSearch;
import com.matchmaking.readmodels.member.MemberCards;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reciprocal suggestions: for matchmakers, of the members assigned to them; for members, their own. Who may call
 * which is the authorisation table's business (checked before these run); which member is the caller's to ask about
 * is decided here.
 */
@Controller
class MatchingController {

    private final CandidateSearch search;
    private final MemberCards cards;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchingController(CandidateSearch search, MemberCards cards, MatchingProperties properties, Clock clock) {
        this.search = search;
        this.cards = cards;
        this.properties = properties;
        this.clock = clock;
    }

    @QueryMapping
    List<CandidateView> candidates(@Argument UUID memberId, @Argument Integer first, @ContextValue Actor actor) {
        int size = pageSize(first);
        if (!cards.isAssigned(actor.accountId(), memberId)) {
            // Only a refusal looks the member up on its own; the search reads them anyway and answers NOT_FOUND.
            if (!search.known(memberId)) {
                throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER);
            }
            throw RequestRejectedException.forbidden(MessageKey.CANDIDATES_NOT_ASSIGNED);
        }
        return suggestions(memberId, size);
    }

    @QueryMapping
    List<CandidateView> myRecommendations(@Argument Integer first, @ContextValue Actor actor) {
        return suggestions(actor.accountId(), pageSize(first));
    }

    private List<CandidateView> suggestions(UUID memberId, int size) {
        LocalDate today = LocalDate.now(clock);
        return search.candidates(memberId, size, properties.matchWeights(), today)
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER))
                .stream().map(s -> CandidateView.of(s, today)).toList();
    }

    private int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1) {
            throw RequestRejectedException.badRequest(MessageKey.NUMBER_AT_LEAST, "first", 1);
        }
        return Math.min(size, properties.maxPageSize());
    }
}
