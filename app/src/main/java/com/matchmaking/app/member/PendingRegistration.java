package com.matchmaking.app.member;

import com.matchmaking.keys.DataSubjectId;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.purpose.DataPurposes;

import java.util.Set;
import java.util.UUID;

/**
 * A registration waiting for its address to be confirmed, as stored in {@code pending_registration}: serialized by the
 * event serializer, so its personal fields are encrypted under the keys of the pending id, which becomes the member
 * id on confirmation (the member's events then use the same keys) and whose keys are destroyed if it expires.
 */
record PendingRegistration(@DataSubjectId UUID pendingId,
                           Profile profile,
                           @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.ACCOUNT, placeholder = PersonalData.ERASED_AS_NULL)
                           String passwordHash,
                           @NotPersonal("a policy version") String acceptedPrivacyPolicyVersion,
                           @NotPersonal("purposes of a fixed list") Set<ConsentPurpose> consents,
                           @NotPersonal("a language tag") String acceptedPrivacyPolicyLanguage,
                           @NotPersonal("a hash of the published policy text") String acceptedPrivacyPolicyTextHash) {
}
