package com.matchmaking.schema.sharing;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record DataShareApproved(@DataSubjectId UUID memberId, @NotPersonal("a share id") UUID shareId,
                                @NotPersonal("a staff id") UUID approverId, @NotPersonal Instant approvedAt) {
}
