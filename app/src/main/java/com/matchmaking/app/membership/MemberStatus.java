package com.matchmaking.app.membership;

/** Where a member is in their life cycle. */
enum MemberStatus {
    ACTIVE, ERASURE_PENDING, ERASED
}
