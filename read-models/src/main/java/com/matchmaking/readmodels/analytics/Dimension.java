package com.matchmaking.readmodels.analytics;

/** What analysts may group members by: generalised attributes only. */
public enum Dimension {
    AGE_BAND, GENDER, CITY, EDUCATION, STATUS, INTRODUCTION_OUTCOME
}
