package com.matchmaking.schema.consent;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record ConsentGranted(@DataSubjectId UUID memberId,
                             @NotPersonal ConsentPurpose purpose,
                             @NotPersonal("the policy version the consent was given under") String policyVersion,
                             @NotPersonal Instant grantedAt) {
}
