package com.matchmaking.schema.member;

import com.matchmaking.schema.consent.ConsentPurpose;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Register a member. The id is a fresh random UUID and the password arrives already hashed: the aggregate never
 * sees a password. The policy is accepted as shown in a language, whose exact text hashes to the given SHA-256.
 */
public record RegisterMember(@TargetAggregateIdentifier UUID memberId,
                             Profile profile,
                             String passwordHash,
                             String acceptedPrivacyPolicyVersion,
                             Set<ConsentPurpose> consents,
                             Instant registeredAt,
                             String acceptedPrivacyPolicyLanguage,
                             String acceptedPrivacyPolicyTextHash) {

    public RegisterMember {
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }
}
