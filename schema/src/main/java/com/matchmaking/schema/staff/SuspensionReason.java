package com.matchmaking.schema.staff;

/** Why an account was suspended: a codes-only reason, so nothing personal sits in the clear. */
public enum SuspensionReason {
    /** An administrator decided so. */
    ADMINISTRATOR,
    /** A risk rule raised an alert; compliance reviews it. */
    RISK_ALERT
}
