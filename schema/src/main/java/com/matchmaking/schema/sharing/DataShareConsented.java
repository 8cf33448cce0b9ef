package com.matchmaking.schema.sharing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The member gave their separate consent to this one share (recipient, purpose and fields as requested). */
@Revision("1")
public record DataShareConsented(@DataSubjectId UUID memberId, @NotPersonal("a share id") UUID shareId,
                                 @NotPersonal Instant consentedAt) {
}
