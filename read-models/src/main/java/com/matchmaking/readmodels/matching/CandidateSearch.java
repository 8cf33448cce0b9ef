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
 * Reciprocal candidates for a member: the pool's fast scan, then every result checked against the table, so a member
 * erased, paused, suspended, excluded or changed since the pool last looked is never shown on the pool's word: the
 * revision of each is read, and those whose row changed since the pool read it are read again and judged again.
 * Left out: the seeker, members already introduced to or blocked by (or blocking) the seeker, and members not active;
 * a seeker who is not active gets nothing.
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
            // The re-check: a member whose revision is still the one the pool scanned is unchanged, row for row; the
            // others are read again (and judged again), and a member without a revision is gone.
            Map<UUID, Long> current = store.revisions(top.stream().map(r -> r.profile().memberId()).toList());
            List<UUID> changed = new ArrayList<>();
            for (CandidatePool.Ranked ranked : top) {
                Long revision = current.get(ranked.profile().memberId());
                if (revision != null && revision != ranked.revision()) {
                    changed.add(ranked.profile().memberId());
                }
            }
            Map<UUID, MatchProfile> reread = store.load(changed).stream()
                    .collect(Collectors.toMap(MatchProfile::memberId, Function.identity()));
            List<CandidatePool.Ranked> confirmed = new ArrayList<>(top.size());
            for (CandidatePool.Ranked ranked : top) {
                UUID id = ranked.profile().memberId();
                Long revision = current.get(id);
                if (revision == null) {
                    continue;
                }
                if (revision == ranked.revision()) {
                    confirmed.add(ranked);
                    continue;
                }
                MatchProfile now = reread.get(id);
                if (now == null || !now.active() || !MatchRules.match(seeker, now, todayKey)) {
                    continue;
                }
                confirmed.add(new CandidatePool.Ranked(now,
                        personalised ? MatchRules.score(seeker, now, todayKey, weights) : 0, ranked.neutral(), revision));
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
