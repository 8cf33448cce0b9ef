package com.matchmaking.app.consent;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A member's consents as their log holds them: where each stands, the ledger of every change, the last policy accepted. */
public final class ConsentViews {

    private ConsentViews() {
    }

    /** One consent's current state. */
    public record ConsentState(ConsentPurpose purpose, boolean granted, String policyVersion, Instant changedAt) {
    }

    /** One entry of the consent ledger: a consent given or withdrawn, a policy accepted, a share answered. */
    public record ConsentEntry(Instant at, String action, ConsentPurpose purpose, String policyVersion, UUID shareId,
                               String language, String textHash) {
    }

    /**
     * The last acceptance of the privacy policy: the version, the language it was read in and the SHA-256 of the text
     * shown (both null when recorded before languages, revision 1 of the events).
     */
    public record PolicyAcceptance(String version, String language, String textHash, Instant acceptedAt) {
    }

    /** Every purpose, in the order of {@link ConsentPurpose}, granted or not. */
    public static final HistoryView<Map<ConsentPurpose, ConsentState>> CURRENT = HistoryView
            .startingWith(ConsentViews::noneGranted)
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, HistoryView.mutating((consents, e) -> e.consents().forEach(purpose ->
                    consents.put(purpose, new ConsentState(purpose, true, e.acceptedPrivacyPolicyVersion(), e.registeredAt())))))
            .on(ConsentGranted.class, HistoryView.mutating((consents, e) ->
                    consents.put(e.purpose(), new ConsentState(e.purpose(), true, e.policyVersion(), e.grantedAt()))))
            .on(ConsentWithdrawn.class, HistoryView.mutating((consents, e) ->
                    consents.put(e.purpose(), new ConsentState(e.purpose(), false, null, e.withdrawnAt()))))
            .build(consents -> Collections.unmodifiableMap(new EnumMap<>(consents)));

    /** Every consent given or withdrawn, every policy accepted and every share answered, oldest first. */
    public static final HistoryView<List<ConsentEntry>> LEDGER = HistoryView
            .startingWith(() -> new ArrayList<ConsentEntry>())
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, HistoryView.mutating((ledger, e) -> {
                ledger.add(new ConsentEntry(e.registeredAt(), "POLICY_ACCEPTED", null, e.acceptedPrivacyPolicyVersion(),
                        null, e.acceptedPrivacyPolicyLanguage(), e.acceptedPrivacyPolicyTextHash()));
                for (ConsentPurpose purpose : e.consents().stream().sorted().toList()) {
                    ledger.add(new ConsentEntry(e.registeredAt(), "GRANTED", purpose, e.acceptedPrivacyPolicyVersion(),
                            null, null, null));
                }
            }))
            .on(ConsentGranted.class, HistoryView.mutating((ledger, e) -> ledger.add(
                    new ConsentEntry(e.grantedAt(), "GRANTED", e.purpose(), e.policyVersion(), null, null, null))))
            .on(ConsentWithdrawn.class, HistoryView.mutating((ledger, e) -> ledger.add(
                    new ConsentEntry(e.withdrawnAt(), "WITHDRAWN", e.purpose(), null, null, null, null))))
            .on(PrivacyPolicyAccepted.class, HistoryView.mutating((ledger, e) -> ledger.add(new ConsentEntry(
                    e.acceptedAt(), "POLICY_ACCEPTED", null, e.version(), null, e.language(), e.textHash()))))
            .on(DataShareConsented.class, HistoryView.mutating((ledger, e) -> ledger.add(
                    shareAnswer(e.consentedAt(), "SHARE_CONSENTED", e.shareId()))))
            .on(DataShareRefused.class, HistoryView.mutating((ledger, e) -> ledger.add(
                    shareAnswer(e.refusedAt(), "SHARE_REFUSED", e.shareId()))))
            .on(DataShareCancelled.class, HistoryView.mutating((ledger, e) -> ledger.add(
                    shareAnswer(e.cancelledAt(), "SHARE_CANCELLED", e.shareId()))))
            .build(List::copyOf);

    /** The privacy policy the member accepted last: at registration, or since. */
    public static final HistoryView<PolicyAcceptance> POLICY_ACCEPTANCE = HistoryView
            .startingWith(() -> (PolicyAcceptance) null)
            .identifiedBy(MemberRegistered.class)
            .on(MemberRegistered.class, (last, e) -> new PolicyAcceptance(e.acceptedPrivacyPolicyVersion(),
                    e.acceptedPrivacyPolicyLanguage(), e.acceptedPrivacyPolicyTextHash(), e.registeredAt()))
            .on(PrivacyPolicyAccepted.class, (last, e) ->
                    new PolicyAcceptance(e.version(), e.language(), e.textHash(), e.acceptedAt()))
            .build(last -> last);

    private static Map<ConsentPurpose, ConsentState> noneGranted() {
        Map<ConsentPurpose, ConsentState> consents = new EnumMap<>(ConsentPurpose.class);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            consents.put(purpose, new ConsentState(purpose, false, null, null));
        }
        return consents;
    }

    private static ConsentEntry shareAnswer(Instant at, String action, UUID shareId) {
        return new ConsentEntry(at, action, ConsentPurpose.THIRD_PARTY_SHARING, null, shareId, null, null);
    }
}
