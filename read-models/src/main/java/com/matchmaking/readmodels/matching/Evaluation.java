package com.matchmaking.readmodels.matching;

import java.util.List;

/**
 * Two members evaluated against each other: whether each meets every hard requirement of the other, the score
 * (0 to 100, {@code null} when not personalised) and every criterion of both sides with whether it was met.
 */
public record Evaluation(boolean match, boolean personalised, Double score, List<CriterionCheck> seekerWishes,
                         List<CriterionCheck> candidateWishes) {

    public Evaluation {
        seekerWishes = List.copyOf(seekerWishes);
        candidateWishes = List.copyOf(candidateWishes);
    }

    /** One line for people; it names criteria, never a value. */
    public String summary() {
        if (!match) {
            return "Not a match: a hard requirement of one side is not met";
        }
        if (!personalised) {
            return "Non-personalised suggestion: plain filters only, both sides' hard requirements are met; no scoring";
        }
        long wishes = seekerWishes.stream().filter(c -> !c.hard()).count()
                + candidateWishes.stream().filter(c -> !c.hard()).count();
        long met = seekerWishes.stream().filter(c -> !c.hard() && c.met()).count()
                + candidateWishes.stream().filter(c -> !c.hard() && c.met()).count();
        return String.format(java.util.Locale.ROOT,
                "Both sides' hard requirements are met; %d of %d soft wishes met on both sides; score %.1f",
                met, wishes, score);
    }
}
