package com.matchmaking.schema.erasure;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The member is erased. In the same transaction their keys are destroyed and the fence is raised, so every earlier
 * event of theirs stays in the log as unreadable ciphertext; projections delete what they hold of the member.
 * Revision 2 added the {@code cause}; events of revision 1 are read with the cause their metadata's purpose implies
 * (an erasure by the retention rule or from the erasure ledger, otherwise the member's request).
 */
@Revision("2")
public record MemberErased(@DataSubjectId UUID memberId, @NotPersonal Instant requestedAt, @NotPersonal Instant erasedAt,
                           @NotPersonal("a cause of a fixed list") ErasureCause cause) {
}
