package com.matchmaking.app.participation;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.member.MemberRegistered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where the member stands in matching, whom they blocked (oldest first) and every step in or out. */
public record MatchingState(boolean paused, boolean suspended, List<UUID> blocked, List<MatchingStep> steps) {

    /** A step in or out of matching: paused or resumed by the member, suspended or reinstated by customer service. */
    public record MatchingStep(Instant at, String step, UUID staffId, String reason) {
    }

    public static final HistoryView<MatchingState> VIEW = HistoryView
            .startingWith(Fold::new)
            .identifiedBy(MemberRegistered.class)
            .on(MemberBlocked.class, HistoryView.mutating((f, e) -> f.blocked.add(e.blockedMemberId())))
            .on(MatchingPaused.class, HistoryView.mutating((f, e) -> {
                f.paused = true;
                f.steps.add(new MatchingStep(e.pausedAt(), "PAUSED", null, null));
            }))
            .on(MatchingResumed.class, HistoryView.mutating((f, e) -> {
                f.paused = false;
                f.steps.add(new MatchingStep(e.resumedAt(), "RESUMED", null, null));
            }))
            .on(MemberSuspended.class, HistoryView.mutating((f, e) -> {
                f.suspended = true;
                f.steps.add(new MatchingStep(e.suspendedAt(), "SUSPENDED", e.staffId(), e.reason()));
            }))
            .on(MemberReinstated.class, HistoryView.mutating((f, e) -> {
                f.suspended = false;
                f.steps.add(new MatchingStep(e.reinstatedAt(), "REINSTATED", e.staffId(), null));
            }))
            .build(f -> new MatchingState(f.paused, f.suspended, List.copyOf(f.blocked), List.copyOf(f.steps)));

    private static final class Fold {
        private boolean paused;
        private boolean suspended;
        private final Set<UUID> blocked = new LinkedHashSet<>();
        private final List<MatchingStep> steps = new ArrayList<>();
    }
}
