package com.matchmaking.schema.sharing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** An open share stopped because the member withdrew their consent to sharing with third parties. */
@Revision("1")
public record DataShareCancelled(@DataSubjectId UUID memberId, @NotPersonal("a share id") UUID shareId,
                                 @NotPersonal Instant cancelledAt) {
}
