package com.matchmaking.schema.policy;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record PrivacyPolicyAccepted(@DataSubjectId UUID memberId,
                                    @NotPersonal("a policy version") String version,
                                    @NotPersonal Instant acceptedAt) {
}
