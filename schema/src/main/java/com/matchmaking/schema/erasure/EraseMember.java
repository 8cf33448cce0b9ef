package com.matchmaking.schema.erasure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Erase a member whose erasure is due: destroy their keys and everything derived from their data. */
public record EraseMember(@TargetAggregateIdentifier UUID memberId, Instant erasedAt) {
}
