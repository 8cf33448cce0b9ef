package com.matchmaking.schema.introduction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** One of the two members steps back from a confirmed introduction: contact stops flowing both ways. */
public record WithdrawFromIntroduction(@TargetAggregateIdentifier UUID introductionId, UUID memberId,
                                       Instant withdrawnAt) {
}
