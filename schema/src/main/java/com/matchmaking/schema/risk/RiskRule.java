package com.matchmaking.schema.risk;

/** The risk rules that watch access to members' data; thresholds are configured (matchmaking.risk.*). */
public enum RiskRule {
    /** One staff account looked at more distinct members than allowed within a window (profile views and reveals). */
    DISTINCT_MEMBERS,
    /** One staff account revealed more unmasked values than allowed within a window. */
    REVEALS,
    /** A staff account touched members' data outside the configured working hours. */
    OUTSIDE_WORKING_HOURS,
    /** Failed logins in a row on one staff account. */
    FAILED_LOGINS,
    /** Data leaving the system: shares requested or handed over by one staff account, or a member's own exports. */
    EXPORT_VOLUME
}
