package com.matchmaking.schema.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Erase again a member whom the erasure ledger (kept outside the database) says was erased at {@code erasedAt}, but
 * whom the database knows as alive: it was restored from a backup older than the erasure.
 */
public record ReapplyErasure(@TargetAggregateIdentifier UUID memberId, Instant erasedAt, Instant reappliedAt) {
}
