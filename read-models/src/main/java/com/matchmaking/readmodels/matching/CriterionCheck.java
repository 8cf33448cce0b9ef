package com.matchmaking.readmodels.matching;

/**
 * One criterion of one side's preferences checked against the other side. {@code weight} is what a met soft wish
 * adds to the score (the member's weight times the agency's); a hard requirement adds nothing and has weight 0.
 */
public record CriterionCheck(MatchCriterion criterion, boolean hard, int weight, boolean met) {
}
