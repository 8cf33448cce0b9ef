package com.matchmaking.app.erasure;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.MemberRegistered;

import java.time.Instant;

/** Where a member's erasure stands: NONE, PENDING (until it is due) or ERASED. */
public record ErasureState(String state, Instant requestedAt, Instant dueAt, Instant erasedAt) {

    static final ErasureState NONE = new ErasureState("NONE", null, null, null);

    public static final HistoryView<ErasureState> VIEW = HistoryView
            .startingWith(() -> NONE)
            .identifiedBy(MemberRegistered.class)
            .on(ErasureRequested.class, (s, e) -> new ErasureState("PENDING", e.requestedAt(), e.dueAt(), null))
            .on(ErasureCancelled.class, (s, e) -> NONE)
            .on(MemberErased.class, (s, e) -> new ErasureState("ERASED", e.requestedAt(), null, e.erasedAt()))
            .build(s -> s);
}
