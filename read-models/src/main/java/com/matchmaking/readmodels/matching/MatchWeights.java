package com.matchmaking.readmodels.matching;

/**
 * The agency's weight of each criterion: a member's soft wish counts towards the score with the member's own weight
 * (1 to 10) times this. Zero makes a criterion count for nothing in the score; hard requirements are unaffected.
 */
public record MatchWeights(int age, int gender, int city, int education, int height, int maritalStatus) {

    /** What the agency starts with: age and city matter most to its members, then education and marital status. */
    public static final MatchWeights DEFAULT = new MatchWeights(3, 2, 3, 2, 1, 2);

    public MatchWeights {
        for (int weight : new int[] {age, gender, city, education, height, maritalStatus}) {
            if (weight < 0 || weight > 100) {
                throw new IllegalArgumentException("A criterion weight is between 0 and 100");
            }
        }
    }

    public int of(MatchCriterion criterion) {
        return switch (criterion) {
            case AGE -> age;
            case GENDER -> gender;
            case CITY -> city;
            case EDUCATION -> education;
            case HEIGHT -> height;
            case MARITAL_STATUS -> maritalStatus;
        };
    }
}
