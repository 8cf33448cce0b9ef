package com.matchmaking.app.export;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.consent.ConsentGranted;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.matchmaking.ConsultationNoteAdded;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MatchingPaused;
import com.matchmaking.schema.matchmaking.MatchingResumed;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.matchmaking.MemberReinstated;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
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
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every event of the member's log as the export shows it: when, what, the values it set, and the actor and purpose
 * it was written with. The one view that needs each event, not just where things stand.
 */
final class ChangeList {

    private ChangeList() {
    }

    /** One event of the member's history, as the export shows it. */
    record Change(long sequence, Instant at, String event, Map<String, Object> values, String actorId,
                  String actorRole, String purpose) {
    }

    static final HistoryView<List<Change>> VIEW = HistoryView
            .startingWith(() -> (List<Change>) new ArrayList<Change>())
            .identifiedBy(MemberRegistered.class)
            .onMessage(MemberRegistered.class, (c, e, m) -> add(c, m, e.registeredAt(), values -> {
                for (ProfileField field : ProfileField.values()) {
                    putIfPresent(values, field.propertyName(), e.profile().value(field));
                }
                values.put("acceptedPrivacyPolicyVersion", e.acceptedPrivacyPolicyVersion());
                putIfPresent(values, "acceptedPrivacyPolicyLanguage", e.acceptedPrivacyPolicyLanguage());
                putIfPresent(values, "acceptedPrivacyPolicyTextHash", e.acceptedPrivacyPolicyTextHash());
                values.put("consents", e.consents().stream().map(Enum::name).sorted().toList());
            }))
            .onMessage(ProfileUpdated.class, (c, e, m) -> add(c, m, e.updatedAt(), values -> e.changedFields().stream()
                    .sorted().forEach(f -> values.put(f.propertyName(), e.profile().value(f)))))
            .onMessage(PreferencesUpdated.class, (c, e, m) -> add(c, m, e.updatedAt(),
                    values -> values.put("preferences", e.preferences())))
            .onMessage(ConsentGranted.class, (c, e, m) -> add(c, m, e.grantedAt(), values -> {
                values.put("purpose", e.purpose().name());
                values.put("policyVersion", e.policyVersion());
            }))
            .onMessage(ConsentWithdrawn.class, (c, e, m) -> add(c, m, e.withdrawnAt(),
                    values -> values.put("purpose", e.purpose().name())))
            .onMessage(ErasureRequested.class, (c, e, m) -> add(c, m, e.requestedAt(),
                    values -> values.put("dueAt", e.dueAt())))
            .onMessage(ErasureCancelled.class, (c, e, m) -> add(c, m, e.cancelledAt(), values -> { }))
            .onMessage(MemberErased.class, (c, e, m) -> add(c, m, e.erasedAt(), values -> { }))
            .onMessage(IdNumberVerified.class, (c, e, m) -> add(c, m, e.verifiedAt(), values -> {
                // Masked again on reading: masks stored before the catalog kept less still show what it keeps today.
                values.put("maskedIdNumber", Masking.idNumber(e.maskedIdNumber()));
                values.put("verified", e.verified());
            }))
            .onMessage(MatchmakerAssigned.class, (c, e, m) -> add(c, m, e.assignedAt(),
                    values -> values.put("matchmakerId", e.matchmakerId())))
            .onMessage(MemberFieldRevealed.class, (c, e, m) -> add(c, m, e.revealedAt(), values -> {
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                values.put("field", e.field().name());
                values.put("reason", e.reason());
            }))
            .onMessage(MemberProfileViewed.class, (c, e, m) -> add(c, m, e.viewedAt(), values -> {
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
            }))
            .onMessage(MemberDataExported.class, (c, e, m) -> add(c, m, e.exportedAt(), values -> { }))
            .onMessage(MemberAuditTrailViewed.class, (c, e, m) -> add(c, m, e.viewedAt(), values -> {
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                putIfPresent(values, "from", e.from());
                putIfPresent(values, "to", e.to());
            }))
            .onMessage(MemberDataShared.class, (c, e, m) -> add(c, m, e.sharedAt(), values -> {
                values.put("shareId", e.shareId());
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
                values.put("fields", fieldNames(e.fields()));
            }))
            .onMessage(PrivacyPolicyAccepted.class, (c, e, m) -> add(c, m, e.acceptedAt(), values -> {
                values.put("version", e.version());
                putIfPresent(values, "language", e.language());
                putIfPresent(values, "textHash", e.textHash());
            }))
            .onMessage(DataShareRequested.class, (c, e, m) -> add(c, m, e.requestedAt(), values -> {
                values.put("shareId", e.shareId());
                values.put("recipient", e.recipient());
                values.put("purpose", e.statedPurpose());
                values.put("fields", fieldNames(e.fields()));
            }))
            .onMessage(DataShareConsented.class, (c, e, m) -> add(c, m, e.consentedAt(),
                    values -> values.put("shareId", e.shareId())))
            .onMessage(DataShareRefused.class, (c, e, m) -> add(c, m, e.refusedAt(),
                    values -> values.put("shareId", e.shareId())))
            .onMessage(DataShareApproved.class, (c, e, m) -> add(c, m, e.approvedAt(), values -> {
                values.put("shareId", e.shareId());
                values.put("approverId", e.approverId());
            }))
            .onMessage(DataShareCancelled.class, (c, e, m) -> add(c, m, e.cancelledAt(),
                    values -> values.put("shareId", e.shareId())))
            .onMessage(LegalHoldPlaced.class, (c, e, m) -> add(c, m, e.placedAt(),
                    values -> values.put("placedBy", e.placedBy())))
            .onMessage(LegalHoldReleased.class, (c, e, m) -> add(c, m, e.releasedAt(),
                    values -> values.put("releasedBy", e.releasedBy())))
            .onMessage(RetentionNoticeIssued.class, (c, e, m) -> add(c, m, e.issuedAt(), values -> {
                values.put("lastActiveAt", e.lastActiveAt());
                values.put("dueAt", e.dueAt());
            }))
            .onMessage(RetentionNoticeWithdrawn.class, (c, e, m) -> add(c, m, e.withdrawnAt(), values -> { }))
            .onMessage(MemberBlocked.class, (c, e, m) -> add(c, m, e.blockedAt(),
                    values -> values.put("blockedMemberId", e.blockedMemberId())))
            .onMessage(MatchingPaused.class, (c, e, m) -> add(c, m, e.pausedAt(), values -> { }))
            .onMessage(MatchingResumed.class, (c, e, m) -> add(c, m, e.resumedAt(), values -> { }))
            .onMessage(MemberSuspended.class, (c, e, m) -> add(c, m, e.suspendedAt(), values -> {
                values.put("staffId", e.staffId());
                values.put("reason", e.reason());
            }))
            .onMessage(MemberReinstated.class, (c, e, m) -> add(c, m, e.reinstatedAt(),
                    values -> values.put("staffId", e.staffId())))
            .onMessage(ConsultationNoteAdded.class, (c, e, m) -> add(c, m, e.addedAt(), values -> {
                values.put("noteId", e.noteId());
                values.put("staffId", e.staffId());
                values.put("text", e.text());
            }))
            .onMessage(ConsultationNotesViewed.class, (c, e, m) -> add(c, m, e.viewedAt(), values -> {
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
            }))
            .onMessage(IntroductionRecordsViewed.class, (c, e, m) -> add(c, m, e.viewedAt(), values -> {
                values.put("introductionId", e.introductionId());
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
            }))
            .onMessage(MemberContactViewed.class, (c, e, m) -> add(c, m, e.viewedAt(), values -> {
                values.put("viewerMemberId", e.viewerMemberId());
                values.put("introductionId", e.introductionId());
            }))
            // An event the export has no values for still shows: when it was stored, what it was, and by whom.
            .otherwise((c, e, m) -> add(c, m, m.getTimestamp(), values -> { }))
            .build(List::copyOf);

    private static List<Change> add(List<Change> changes, DomainEventMessage<?> message, Instant at,
                                    java.util.function.Consumer<Map<String, Object>> shown) {
        Map<String, Object> values = new LinkedHashMap<>();
        shown.accept(values);
        Map<String, Object> metaData = message.getMetaData();
        changes.add(new Change(message.getSequenceNumber(), at, message.getPayload().getClass().getSimpleName(),
                Collections.unmodifiableMap(values), text(metaData.get("actorId")), text(metaData.get("actorRole")),
                text(metaData.get("purpose"))));
        return changes;
    }

    private static void putIfPresent(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static List<String> fieldNames(Set<ProfileField> fields) {
        return fields.stream().sorted().map(ProfileField::propertyName).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
