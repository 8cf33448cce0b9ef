package com.matchmaking.readmodels.matching;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reciprocal candidates for a member: the pool's fast scan, then every result re-read from the table and evaluated
 * again, so a member erased, paused, suspended, excluded or changed since the pool last looked is never shown on the
 * pool's word. Left out: the seeker, members already introduced to or blocked by (or blocking) the seeker, and members
 * not active; a seeker who is not active gets nothing.
 */
@Component
public class CandidateSearch {

    /** Extra candidates taken from the pool so that a few dropped by the re-check still leave a full page. */
    private static final int SLACK = 16;

    private final MatchingStore store;
    private final CandidatePool pool;

    CandidateSearch(MatchingStore store, CandidatePool pool) {
        this.store = store;
        this.pool = pool;
    }

    /** A suggestion: the candidate's matching profile and the evaluation of the pair. */
    public record Suggestion(MatchProfile candidate, Evaluation evaluation) {
    }

    /** Whether the member is in the matching read model (registered and not erased). */
    public boolean known(UUID memberId) {
        return store.load(memberId).isPresent();
    }

    /** The member's matching profile, if they are known. */
    public Optional<MatchProfile> profile(UUID memberId) {
        return store.load(memberId);
    }

    /** Up to {@code first} suggestions, best first; empty when the seeker is unknown. */
    public Optional<List<Suggestion>> candidates(UUID seekerId, int first, MatchWeights weights, LocalDate today) {
        Optional<MatchProfile> found = store.load(seekerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MatchProfile seeker = found.get();
        if (!seeker.active() || first < 1) {
            return Optional.of(List.of());
        }
        boolean personalised = seeker.personalised();
        int todayKey = MatchProfile.dateKey(today);
        Set<UUID> excluded = store.exclusions(seekerId);
        Comparator<CandidatePool.Ranked> order = CandidatePool.order(personalised);
        int wanted = first + SLACK;
        while (true) {
            List<CandidatePool.Ranked> top = pool.top(seeker, excluded, wanted, weights, todayKey, personalised);
            Map<UUID, MatchProfile> fresh = store.load(top.stream().map(r -> r.profile().memberId()).toList()).stream()
                    .collect(Collectors.toMap(MatchProfile::memberId, Function.identity()));
            List<CandidatePool.Ranked> confirmed = new ArrayList<>(top.size());
            for (CandidatePool.Ranked ranked : top) {
                MatchProfile now = fresh.get(ranked.profile().memberId());
                if (now == null || !now.active() || !MatchRules.match(seeker, now, todayKey)) {
                    continue;
                }
                confirmed.add(personalised
                        ? new CandidatePool.Ranked(now, MatchRules.score(seeker, now, todayKey, weights), 0)
                        : ranked);
            }
            // The pool had no more to give, or enough survived the re-check: done. Otherwise ask it for more.
            if (top.size() < wanted || confirmed.size() >= first || wanted >= 8 * (first + SLACK)) {
                confirmed.sort(order);
                return Optional.of(confirmed.stream().limit(first)
                        .map(r -> new Suggestion(r.profile(), MatchRules.evaluate(seeker, r.profile(), today, weights,
                                personalised)))
                        .toList());
            }
            wanted *= 2;
        }
    }
}
