package com.matchmaking.app.member;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.policy.PrivacyPolicyAccepted;
import com.matchmaking.schema.retention.LegalHoldPlaced;
import com.matchmaking.schema.retention.LegalHoldReleased;
import com.matchmaking.schema.retention.RetentionNoticeIssued;
import com.matchmaking.schema.retention.RetentionNoticeWithdrawn;
import com.matchmaking.schema.sharing.DataShareApproved;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;
import com.matchmaking.schema.sharing.DataShareRequested;
import com.matchmaking.schema.sharing.DataShareStatus;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's own data as the event log holds it, decrypted on the spot: the current values and every change with
 * its time and actor. What {@code me}, the export and the erasure status read; it never goes through a read model,
 * so a member always sees exactly what is stored about them.
 */
@Component
public class MemberHistory {

    private final EventStorageEngine events;

    MemberHistory(EventStorageEngine events) {
        this.events = events;
    }

    /** One consent's current state. */
    public record ConsentState(ConsentPurpose purpose, boolean granted, String policyVersion, Instant changedAt) {
    }

    /** Where an erasure stands. */
    public record ErasureState(String state, Instant requestedAt, Instant dueAt, Instant erasedAt) {
        static final ErasureState NONE = new ErasureState("NONE", null, null, null);
    }

    /** One event of the member's history, as the export shows it. */
    public record Change(long sequence, Instant at, String event, Map<String, Object> values, String actorId,
                         String actorRole, String purpose) {
    }

    /** The outcome of the member's ID check: the masked number and whether it checked out. */
    public record IdVerification(String maskedIdNumber, Boolean verified, Instant verifiedAt) {
    }

    /** One third-party share of the member's data, as far as it went. */
    public record ShareRecord(UUID shareId, UUID memberId, String recipient, String purpose, List<ProfileField> fields,
                              DataShareStatus status, UUID requestedBy, String requesterRole, Instant requestedAt,
                              Instant consentedAt, UUID approvedBy, Instant approvedAt, Instant sharedAt,
                              Instant closedAt) {
        ShareRecord with(DataShareStatus next, Instant consented, UUID approver, Instant approved, Instant shared,
                         Instant closed) {
            return new ShareRecord(shareId, memberId, recipient, purpose, fields, next, requestedBy, requesterRole,
                    requestedAt, consented, approver, approved, shared, closed);
        }
    }

    /**
     * A legal hold on the member's data. The reason is for compliance: the member is told a hold exists, not why (a
     * hold may be confidential).
     */
    public record LegalHoldState(String reason, UUID placedBy, Instant placedAt) {
    }

    /** A pending notice of erasure for inactivity. */
    public record RetentionNoticeState(Instant lastActiveAt, Instant issuedAt, Instant dueAt) {
    }

    /** One entry of the consent ledger: a consent given or withdrawn, a policy accepted, a share answered. */
    public record ConsentEntry(Instant at, String action, ConsentPurpose purpose, String policyVersion, UUID shareId,
                               String language, String textHash) {
    }

    /** One look at the member's data: who (id and role), what, when and why. */
    public record AccessEntry(Instant at, String kind, String actorId, String actorRole, List<String> fields,
                              String reason, String recipient, UUID shareId) {
    }

    /** A consultation note customer service kept about the member. */
    public record ConsultationNote(UUID noteId, UUID staffId, String text, Instant addedAt) {
    }

    /** A step in or out of matching: paused or resumed by the member, suspended or reinstated by customer service. */
    public record MatchingStep(Instant at, String step, UUID staffId, String reason) {
    }

    /** Where the member stands in matching, and whom they blocked (oldest first). */
    public record MatchingState(boolean paused, boolean suspended, List<UUID> blocked, List<MatchingStep> steps) {
    }

    /** Everything the log holds about one member. */
    public record MemberRecord(UUID memberId, Profile profile, PartnerPreferences preferences, String policyVersion,
                               Instant registeredAt, Instant updatedAt, Map<ConsentPurpose, ConsentState> consents,
                               ErasureState erasure, IdVerification idVerification, UUID matchmakerId,
                               List<Change> changes, List<ShareRecord> shares, LegalHoldState legalHold,
                               RetentionNoticeState retentionNotice, List<ConsentEntry> consentLedger,
                               List<AccessEntry> accessLog, MatchingState matching, List<ConsultationNote> notes,
                               PolicyAcceptance policyAcceptance) {
        public boolean erased() {
            return "ERASED".equals(erasure.state());
        }

        public java.util.Optional<ShareRecord> share(UUID shareId) {
            return shares.stream().filter(s -> s.shareId().equals(shareId)).findFirst();
        }
    }

    /**
     * The last acceptance of the privacy policy: the version, the language it was read in and the SHA-256 of the text
     * shown (both null when recorded before languages, revision 1 of the events).
     */
    public record PolicyAcceptance(String version, String language, String textHash, Instant acceptedAt) {
    }

    public MemberRecord load(UUID memberId) {
        Fold fold = new Fold(memberId);
        events.readEvents(memberId.toString(), 0).asStream().forEach(fold::apply);
        if (fold.registeredAt == null) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_MEMBER);
        }
        return fold.result();
    }

    private static final class Fold {
        private final UUID memberId;
        private Profile profile;
        private PartnerPreferences preferences;
        private String policyVersion;
        private PolicyAcceptance policyAcceptance;
        private Instant registeredAt;
        private Instant updatedAt;
        private final Map<ConsentPurpose, ConsentState> consents = new EnumMap<>(ConsentPurpose.class);
        private ErasureState erasure = ErasureState.NONE;
        private IdVerification idVerification;
        private UUID matchmakerId;
        private final List<Change> changes = new ArrayList<>();
        private final Map<UUID, ShareRecord> shares = new LinkedHashMap<>();
        private LegalHoldState legalHold;
        private RetentionNoticeState retentionNotice;
        private final List<ConsentEntry> consentLedger = new ArrayList<>();
        private final List<AccessEntry> accessLog = new ArrayList<>();
        private boolean paused;
        private boolean suspended;
        private final java.util.LinkedHashSet<UUID> blocked = new java.util.LinkedHashSet<>();
        private final List<MatchingStep> matchingSteps = new ArrayList<>();
        private final List<ConsultationNote> notes = new ArrayList<>();

        Fold(UUID memberId) {
            this.memberId = memberId;
            for (ConsentPurpose purpose : ConsentPurpose.values()) {
                consents.put(purpose, new ConsentState(purpose, false, null, null));
            }
        }

        void apply(DomainEventMessage<?> message) {
            Object payload = message.getPayload();
            Map<String, Object> values = new LinkedHashMap<>();
            Instant at = message.getTimestamp();
            if (payload instanceof MemberRegistered e) {
                profile = e.profile();
                policyVersion = e.acceptedPrivacyPolicyVersion();
                registeredAt = e.registeredAt();
                updatedAt = e.registeredAt();
                at = e.registeredAt();
                for (ProfileField field : ProfileField.values()) {
                    putIfPresent(values, field.propertyName(), e.profile().value(field));
                }
                values.put("acceptedPrivacyPolicyVersion", e.acceptedPrivacyPolicyVersion());
                putIfPresent(values, "acceptedPrivacyPolicyLanguage", e.acceptedPrivacyPolicyLanguage());
                putIfPresent(values, "acceptedPrivacyPolicyTextHash", e.acceptedPrivacyPolicyTextHash());
                values.put("consents", e.consents().stream().map(Enum::name).sorted().toList());
                consentLedger.add(new ConsentEntry(e.registeredAt(), "POLICY_ACCEPTED", null,
                        e.acceptedPrivacyPolicyVersion(), null, e.acceptedPrivacyPolicyLanguage(),
                        e.acceptedPrivacyPolicyTextHash()));
                policyAcceptance = new PolicyAcceptance(e.acceptedPrivacyPolicyVersion(), e.acceptedPrivacyPolicyLanguage(),
                        e.acceptedPrivacyPolicyTextHash(), e.registeredAt());
                for (ConsentPurpose purpose : e.consents().stream().sorted().toList()) {
                    consents.put(purpose, new ConsentState(purpose, true, e.acceptedPrivacyPolicyVersion(), e.registeredAt()));
                    consentLedger.add(new ConsentEntry(e.registeredAt(), "GRANTED", purpose,
                            e.acceptedPrivacyPolicyVersion(), null, null, null));
                }
            } else if (payload instanceof ProfileUpdated e) {
                profile = e.profile();
                updatedAt = e.updatedAt();
                at = e.updatedAt();
                e.changedFields().stream().sorted().forEach(f -> values.put(f.propertyName(), e.profile().value(f)));
            } else if (payload instanceof PreferencesUpdated e) {
                preferences = e.preferences();
                at = e.updatedAt();
                values.put("preferences", e.preferences());
            } else if (payload instanceof ConsentGranted e) {
                consents.put(e.purpose(), new ConsentState(e.purpose(), true, e.policyVersion(), e.grantedAt()));
                consentLedger.add(new ConsentEntry(e.grantedAt(), "GRANTED", e.purpose(), e.policyVersion(), null, null,
                        null));
                at = e.grantedAt();
                values.put("purpose", e.purpose().name());
                values.put("policyVersion", e.policyVersion());
            } else if (payload instanceof ConsentWithdrawn e) {
                consents.put(e.purpose(), new ConsentState(e.purpose(), false, null, e.withdrawnAt()));
                consentLedger.add(new ConsentEntry(e.withdrawnAt(), "WITHDRAWN", e.purpose(), null, null, null, null));
                if (e.purpose() == ConsentPurpose.SENSITIVE_DATA) {
                    idVerification = null;
                }
                at = e.withdrawnAt();
                values.put("purpose", e.purpose().name());
            } else if (payload instanceof ErasureRequested e) {
                erasure = new ErasureState("PENDING", e.requestedAt(), e.dueAt(), null);
                at = e.requestedAt();
                values.put("dueAt", e.dueAt());
            } else if (payload instanceof ErasureCancelled e) {
                erasure = ErasureState.NONE;
                at = e.cancelledAt();
            } else if (payload instanceof MemberErased e) {
                erasure = new ErasureState("ERASED", e.requestedAt(), null, e.erasedAt());
                retentionNotice = null;
                at = e.erasedAt();
            } else if (payload instanceof IdNumberVerified e) {
                // Masked again on reading: masks stored before the catalog kept less still show what it keeps today.
                String masked = Masking.idNumber(e.maskedIdNumber());
                idVerification = new IdVerification(masked, e.verified(), e.verifiedAt());
                at = e.verifiedAt();
                values.put("maskedIdNumber", masked);
                values.put("verified", e.verified());
            } else if (payload instanceof MatchmakerAssigned e) {
                matchmakerId = e.matchmakerId();
                at = e.assignedAt();
                values.put("matchmakerId", e.matchmakerId());
            } else if (payload instanceof MemberFieldRevealed e) {
                at = e.revealedAt();
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                values.put("field", e.field().name());
                values.put("reason", e.reason());
                accessLog.add(new AccessEntry(at, "REVEAL", text(e.staffId()), e.staffRole(), List.of(e.field().name()),
                        e.reason(), null, null));
            } else if (payload instanceof MemberProfileViewed e) {
                at = e.viewedAt();
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                accessLog.add(new AccessEntry(at, "PROFILE_VIEW", text(e.staffId()), e.staffRole(), List.of(), null, null, null));
            } else if (payload instanceof MemberDataExported e) {
                at = e.exportedAt();
                Map<String, Object> meta = message.getMetaData();
                accessLog.add(new AccessEntry(at, "EXPORT", text(meta.getOrDefault("actorId", memberId)),
                        text(meta.getOrDefault("actorRole", "MEMBER")), List.of(), null, null, null));
            } else if (payload instanceof MemberAuditTrailViewed e) {
                at = e.viewedAt();
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                putIfPresent(values, "from", e.from());
                putIfPresent(values, "to", e.to());
                accessLog.add(new AccessEntry(at, "AUDIT_TRAIL_VIEW", text(e.staffId()), e.staffRole(), List.of(), null,
                        null, null));
            } else if (payload instanceof MemberDataShared e) {
                at = e.sharedAt();
                List<String> fields = fieldNames(e.fields());
                values.put("shareId", e.shareId());
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                values.put("fields", fields);
                ShareRecord share = shares.get(e.shareId());
                if (share != null) {
                    shares.put(e.shareId(), share.with(DataShareStatus.SHARED, share.consentedAt(), share.approvedBy(),
                            share.approvedAt(), e.sharedAt(), e.sharedAt()));
                }
                accessLog.add(new AccessEntry(at, "SHARE", text(e.staffId()), e.staffRole(), fields,
                        share == null ? null : share.purpose(), share == null ? null : share.recipient(), e.shareId()));
            } else if (payload instanceof PrivacyPolicyAccepted e) {
                policyVersion = e.version();
                at = e.acceptedAt();
                values.put("version", e.version());
                putIfPresent(values, "language", e.language());
                putIfPresent(values, "textHash", e.textHash());
                consentLedger.add(new ConsentEntry(at, "POLICY_ACCEPTED", null, e.version(), null, e.language(),
                        e.textHash()));
                policyAcceptance = new PolicyAcceptance(e.version(), e.language(), e.textHash(), at);
            } else if (payload instanceof DataShareRequested e) {
                at = e.requestedAt();
                List<ProfileField> fields = e.fields().stream().sorted().toList();
                shares.put(e.shareId(), new ShareRecord(e.shareId(), memberId, e.recipient(), e.statedPurpose(), fields,
                        DataShareStatus.REQUESTED, e.requesterId(), e.requesterRole(), e.requestedAt(), null, null, null,
                        null, null));
                values.put("shareId", e.shareId());
                values.put("recipient", e.recipient());
                values.put("purpose", e.statedPurpose());
                values.put("fields", fieldNames(e.fields()));
            } else if (payload instanceof DataShareConsented e) {
                at = e.consentedAt();
                values.put("shareId", e.shareId());
                shares.computeIfPresent(e.shareId(), (id, s) -> s.with(DataShareStatus.CONSENTED, e.consentedAt(), null,
                        null, null, null));
                consentLedger.add(new ConsentEntry(at, "SHARE_CONSENTED", ConsentPurpose.THIRD_PARTY_SHARING, null, e.shareId(), null, null));
            } else if (payload instanceof DataShareRefused e) {
                at = e.refusedAt();
                values.put("shareId", e.shareId());
                shares.computeIfPresent(e.shareId(), (id, s) -> s.with(DataShareStatus.REFUSED, s.consentedAt(),
                        s.approvedBy(), s.approvedAt(), null, e.refusedAt()));
                consentLedger.add(new ConsentEntry(at, "SHARE_REFUSED", ConsentPurpose.THIRD_PARTY_SHARING, null, e.shareId(), null, null));
            } else if (payload instanceof DataShareApproved e) {
                at = e.approvedAt();
                values.put("shareId", e.shareId());
                values.put("approverId", e.approverId());
                shares.computeIfPresent(e.shareId(), (id, s) -> s.with(DataShareStatus.APPROVED, s.consentedAt(),
                        e.approverId(), e.approvedAt(), null, null));
            } else if (payload instanceof DataShareCancelled e) {
                at = e.cancelledAt();
                values.put("shareId", e.shareId());
                shares.computeIfPresent(e.shareId(), (id, s) -> s.with(DataShareStatus.CANCELLED, s.consentedAt(),
                        s.approvedBy(), s.approvedAt(), null, e.cancelledAt()));
                consentLedger.add(new ConsentEntry(at, "SHARE_CANCELLED", ConsentPurpose.THIRD_PARTY_SHARING, null, e.shareId(), null, null));
            } else if (payload instanceof LegalHoldPlaced e) {
                at = e.placedAt();
                values.put("placedBy", e.placedBy());
                legalHold = new LegalHoldState(e.reason(), e.placedBy(), e.placedAt());
            } else if (payload instanceof LegalHoldReleased e) {
                at = e.releasedAt();
                values.put("releasedBy", e.releasedBy());
                legalHold = null;
            } else if (payload instanceof RetentionNoticeIssued e) {
                at = e.issuedAt();
                values.put("lastActiveAt", e.lastActiveAt());
                values.put("dueAt", e.dueAt());
                retentionNotice = new RetentionNoticeState(e.lastActiveAt(), e.issuedAt(), e.dueAt());
            } else if (payload instanceof RetentionNoticeWithdrawn e) {
                at = e.withdrawnAt();
                retentionNotice = null;
            } else if (payload instanceof MemberBlocked e) {
                at = e.blockedAt();
                values.put("blockedMemberId", e.blockedMemberId());
                blocked.add(e.blockedMemberId());
            } else if (payload instanceof MatchingPaused e) {
                at = e.pausedAt();
                paused = true;
                matchingSteps.add(new MatchingStep(at, "PAUSED", null, null));
            } else if (payload instanceof MatchingResumed e) {
                at = e.resumedAt();
                paused = false;
                matchingSteps.add(new MatchingStep(at, "RESUMED", null, null));
            } else if (payload instanceof MemberSuspended e) {
                at = e.suspendedAt();
                suspended = true;
                values.put("staffId", e.staffId());
                values.put("reason", e.reason());
                matchingSteps.add(new MatchingStep(at, "SUSPENDED", e.staffId(), e.reason()));
            } else if (payload instanceof MemberReinstated e) {
                at = e.reinstatedAt();
                suspended = false;
                values.put("staffId", e.staffId());
                matchingSteps.add(new MatchingStep(at, "REINSTATED", e.staffId(), null));
            } else if (payload instanceof ConsultationNoteAdded e) {
                at = e.addedAt();
                values.put("noteId", e.noteId());
                values.put("staffId", e.staffId());
                values.put("text", e.text());
                notes.add(new ConsultationNote(e.noteId(), e.staffId(), e.text(), e.addedAt()));
            } else if (payload instanceof ConsultationNotesViewed e) {
                at = e.viewedAt();
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                accessLog.add(new AccessEntry(at, "CONSULTATION_NOTES_VIEW", text(e.staffId()), e.staffRole(), List.of(),
                        null, null, null));
            } else if (payload instanceof IntroductionRecordsViewed e) {
                at = e.viewedAt();
                values.put("introductionId", e.introductionId());
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                accessLog.add(new AccessEntry(at, "INTRODUCTION_RECORDS_VIEW", text(e.staffId()), e.staffRole(),
                        List.of("note", "meetings", "feedback"), "introduction " + e.introductionId(), null, null));
            } else if (payload instanceof MemberContactViewed e) {
                at = e.viewedAt();
                values.put("viewerMemberId", e.viewerMemberId());
                values.put("introductionId", e.introductionId());
                // Another member saw the contact: named by id and role, like staff, and the introduction is the reason.
                accessLog.add(new AccessEntry(at, "CONTACT_VIEW", text(e.viewerMemberId()), "MEMBER",
                        List.of("phone", "wechatId"), "introduction " + e.introductionId(), null, null));
            }
            Map<String, Object> metaData = message.getMetaData();
            changes.add(new Change(message.getSequenceNumber(), at, payload.getClass().getSimpleName(),
                    Collections.unmodifiableMap(values), text(metaData.get("actorId")), text(metaData.get("actorRole")),
                    text(metaData.get("purpose"))));
        }

        private static void putIfPresent(Map<String, Object> values, String name, Object value) {
            if (value != null) {
                values.put(name, value);
            }
        }

        private static List<String> fieldNames(java.util.Set<ProfileField> fields) {
            return fields.stream().sorted().map(ProfileField::propertyName).toList();
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        MemberRecord result() {
            return new MemberRecord(memberId, profile, preferences, policyVersion, registeredAt, updatedAt,
                    Collections.unmodifiableMap(new EnumMap<>(consents)), erasure, idVerification, matchmakerId,
                    List.copyOf(changes), List.copyOf(shares.values()), legalHold, retentionNotice,
                    List.copyOf(consentLedger), List.copyOf(accessLog),
                    new MatchingState(paused, suspended, List.copyOf(blocked), List.copyOf(matchingSteps)),
                    List.copyOf(notes), policyAcceptance);
        }
    }
}
