package com.matchmaking.schema.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;
import com.matchmaking.schema.consent.ConsentPurpose;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A member registered, accepting a version of the privacy policy. Revision 2 added the language of the policy text
 * they were shown and its SHA-256 (see {@code PrivacyPolicyAccepted}); events of revision 1 are read with both null.
 */
@Revision("2")
public record MemberRegistered(@DataSubjectId UUID memberId,
                               Profile profile,
                               @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.ACCOUNT, placeholder = PersonalData.ERASED_AS_NULL)
                               String passwordHash,
                               @NotPersonal("a policy version") String acceptedPrivacyPolicyVersion,
                               @NotPersonal("purposes of a fixed list") Set<ConsentPurpose> consents,
                               @NotPersonal Instant registeredAt,
                               @NotPersonal("a language tag of a fixed list") String acceptedPrivacyPolicyLanguage,
                               @NotPersonal("a hash of the policy text, the same for every member shown it") String acceptedPrivacyPolicyTextHash) {
}
