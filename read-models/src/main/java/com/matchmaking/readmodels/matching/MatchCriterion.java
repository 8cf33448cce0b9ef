package com.matchmaking.readmodels.matching;

/** The criteria of partner preferences; the names are part of the GraphQL contract. */
public enum MatchCriterion {
    AGE, GENDER, CITY, EDUCATION, HEIGHT, MARITAL_STATUS
}
