package com.matchmaking.schema.introduction;

/** Where an introduction stands. */
public enum IntroductionStatus {
    /** Proposed; waiting for one or both answers. */
    PROPOSED,
    /** Both accepted: contact may flow between the two. */
    CONFIRMED,
    /** One of the two declined. */
    DECLINED,
    /** One of the two was erased. */
    CLOSED,
    /** One of the two withdrew, blocked the other or was suspended: contact no longer flows. */
    ENDED
}
