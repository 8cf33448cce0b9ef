package com.matchmaking.schema.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that the package of an approved share is produced, once, for the staff member who requested it. */
public record ProduceDataSharePackage(@TargetAggregateIdentifier UUID memberId, UUID shareId, UUID staffId,
                                      String staffRole, Instant producedAt) {
}
