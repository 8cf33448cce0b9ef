package com.matchmaking.schema.sharing;

import com.matchmaking.schema.member.ProfileField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Staff ask to share some of a member's fields with a named third party, for a stated purpose. */
public record RequestDataShare(@TargetAggregateIdentifier UUID memberId, UUID shareId, UUID requesterId,
                               String requesterRole, String recipient, String purpose, Set<ProfileField> fields,
                               Instant requestedAt) {
    public RequestDataShare {
        fields = Set.copyOf(fields);
    }
}
