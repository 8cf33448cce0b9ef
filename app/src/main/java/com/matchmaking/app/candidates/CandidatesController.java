package com.matchmaking.app.candidates;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.matching.CandidateSearch;
import com.matchmaking.readmodels.member.MemberCards;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reciprocal suggestions: for matchmakers, of the members assigned to them; for members, their own. Who may call
 * which is the authorisation table's business (checked before these run); which member is the caller's to ask about
 * is decided here.
 */
@Controller
class CandidatesController {

    private final CandidateSearch search;
    private final MemberCards cards;
    private final MatchingProperties properties;
    private final Clock clock;

    CandidatesController(CandidateSearch search, MemberCards cards, MatchingProperties properties, Clock clock) {
        this.search = search;
        this.cards = cards;
        this.properties = properties;
        this.clock = clock;
    }

    @QueryMapping
    List<CandidateView> candidates(@Argument UUID memberId, @Argument Integer first, @ContextValue Actor actor) {
        int size = pageSize(first);
        if (memberId == null || !cards.isAssigned(actor.accountId(), memberId)) {
            // One answer whether the id names no member or someone else's: membership itself is sensitive.
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE);
        }
        List<CandidateSearch.Suggestion> found = suggestions(memberId, size);
        // Candidates the matchmaker looks after get the assigned row; everyone else only the pool row.
        Set<UUID> theirs = cards.assignedAmong(actor.accountId(),
                found.stream().map(s -> s.candidate().memberId()).toList());
        LocalDate today = LocalDate.now(clock);
        return found.stream().map(s -> CandidateView.of(s, today, theirs.contains(s.candidate().memberId())
                ? Audience.MATCHMAKER_ASSIGNED : Audience.MATCHMAKER_POOL)).toList();
    }

    @QueryMapping
    List<CandidateView> myRecommendations(@Argument Integer first, @ContextValue Actor actor) {
        LocalDate today = LocalDate.now(clock);
        return suggestions(actor.accountId(), pageSize(first)).stream()
                .map(s -> CandidateView.of(s, today, Audience.OTHER_MEMBER)).toList();
    }

    private List<CandidateSearch.Suggestion> suggestions(UUID memberId, int size) {
        return search.candidates(memberId, size, properties.matchWeights(), LocalDate.now(clock))
                .orElseThrow(() -> RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER_VISIBLE));
    }

    private int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1) {
            throw RequestRejectedException.badRequest(MessageKey.NUMBER_AT_LEAST, "first", 1);
        }
        return Math.min(size, properties.maxPageSize());
    }
}
