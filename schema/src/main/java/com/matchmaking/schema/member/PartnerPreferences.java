package com.matchmaking.schema.member;

import java.util.Set;

/**
 * What a member looks for in a partner. Every criterion is optional ({@code null}: no preference) and is either a
 * hard requirement ({@code required}) that a candidate must meet, or a soft wish whose {@code weight} (1 to 10)
 * counts towards the score. Stored whole, encrypted under the member's profile key.
 */
public record PartnerPreferences(
        RangeCriterion ageYears,
        ChoiceCriterion<Gender> genders,
        ChoiceCriterion<String> cities,
        MinimumEducation education,
        RangeCriterion heightCm,
        ChoiceCriterion<MaritalStatus> maritalStatuses) {

    public static final PartnerPreferences NONE = new PartnerPreferences(null, null, null, null, null, null);

    /** An inclusive range; either end may be open. */
    public record RangeCriterion(Integer min, Integer max, boolean required, int weight) {
        public boolean accepts(int value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    /** A set of accepted values. */
    public record ChoiceCriterion<T>(Set<T> accepted, boolean required, int weight) {
        public ChoiceCriterion {
            accepted = accepted == null ? Set.of() : Set.copyOf(accepted);
        }

        public boolean accepts(T value) {
            return accepted.contains(value);
        }
    }

    /** A lowest accepted education. */
    public record MinimumEducation(Education minimum, boolean required, int weight) {
        public boolean accepts(Education value) {
            return value != null && value.atLeast(minimum);
        }
    }
}
