package com.matchmaking.schema.risk;

/** How compliance resolves an alert. */
public enum AlertDecision {
    /** The access was legitimate: the account is reinstated. */
    REINSTATE,
    /** The account stays suspended (an administrator may reinstate it later, or never). */
    KEEP_SUSPENDED
}
