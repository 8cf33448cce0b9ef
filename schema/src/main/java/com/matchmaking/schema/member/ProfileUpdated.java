package com.matchmaking.schema.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The profile after a change, whole, and which fields the change touched. Carrying the whole profile keeps every
 * projection a simple upsert; naming the changed fields keeps the member's history readable.
 */
@Revision("1")
public record ProfileUpdated(@DataSubjectId UUID memberId,
                             Profile profile,
                             @NotPersonal("field names of a fixed list") Set<ProfileField> changedFields,
                             @NotPersonal Instant updatedAt) {
}
