package com.matchmaking.schema.sharing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The member refused the share, or took their consent to it back before the package was produced. */
@Revision("1")
public record DataShareRefused(@DataSubjectId UUID memberId, @NotPersonal("a share id") UUID shareId,
                               @NotPersonal Instant refusedAt) {
}
