package com.matchmaking.app.member;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;

import java.time.Instant;
import java.util.UUID;

/**
 * Who the member is now, from their own log: the profile, preferences, accepted policy version, ID check and when they
 * registered and last changed their profile. What {@code me} and the export answer with.
 */
public record MemberDetails(UUID memberId, Profile profile, PartnerPreferences preferences, String policyVersion,
                            Instant registeredAt, Instant updatedAt, IdVerification idVerification) {

    /** The outcome of the member's ID check: the masked number and whether it checked out. */
    public record IdVerification(String maskedIdNumber, Boolean verified, Instant verifiedAt) {
    }

    public static final HistoryView<MemberDetails> VIEW = HistoryView
            .startingWith(() -> (MemberDetails) null)
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, (d, e) -> new MemberDetails(e.memberId(), e.profile(), null,
                    e.acceptedPrivacyPolicyVersion(), e.registeredAt(), e.registeredAt(), null))
            .on(ProfileUpdated.class, (d, e) -> new MemberDetails(d.memberId(), e.profile(), d.preferences(),
                    d.policyVersion(), d.registeredAt(), e.updatedAt(), d.idVerification()))
            .on(PreferencesUpdated.class, (d, e) -> new MemberDetails(d.memberId(), d.profile(), e.preferences(),
                    d.policyVersion(), d.registeredAt(), d.updatedAt(), d.idVerification()))
            .on(PrivacyPolicyAccepted.class, (d, e) -> new MemberDetails(d.memberId(), d.profile(), d.preferences(),
                    e.version(), d.registeredAt(), d.updatedAt(), d.idVerification()))
            // Masked again on reading: masks stored before the catalog kept less still show what it keeps today.
            .on(IdNumberVerified.class, (d, e) -> d.withIdVerification(
                    new IdVerification(Masking.idNumber(e.maskedIdNumber()), e.verified(), e.verifiedAt())))
            // The ID number is sensitive data: without that consent the check is forgotten with it.
            .on(ConsentWithdrawn.class, (d, e) -> e.purpose() == ConsentPurpose.SENSITIVE_DATA
                    ? d.withIdVerification(null) : d)
            .build(d -> d);

    /** Only the current profile: for whoever needs a field or two of it. */
    public static final HistoryView<Profile> PROFILE = HistoryView
            .startingWith(() -> (Profile) null)
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, (p, e) -> e.profile())
            .on(ProfileUpdated.class, (p, e) -> e.profile())
            .build(p -> p);

    private MemberDetails withIdVerification(IdVerification verification) {
        return new MemberDetails(memberId, profile, preferences, policyVersion, registeredAt, updatedAt, verification);
    }
}
