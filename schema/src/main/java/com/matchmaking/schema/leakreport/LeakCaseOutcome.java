package com.matchmaking.schema.leakreport;

/** How compliance closes a case. */
public enum LeakCaseOutcome {
    SUBSTANTIATED, NOT_SUBSTANTIATED, REFERRED_TO_AUTHORITY
}
