package com.matchmaking.app.audit;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.DataShareRequested;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A member's own access log: every look at their data, oldest first. */
final class AccessLogView {

    private AccessLogView() {
    }

    /** One look at the member's data: who (id and role), what, when and why. */
    record AccessEntry(Instant at, String kind, String actorId, String actorRole, List<String> fields, String reason,
                       String recipient, UUID shareId) {
    }

    static final HistoryView<List<AccessEntry>> VIEW = HistoryView
            .startingWith(Fold::new)
            .identifiedBy(MemberRegistered.class)
            .on(DataShareRequested.class, HistoryView.mutating((f, e) -> f.requests.put(e.shareId(), e)))
            .on(MemberFieldRevealed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.revealedAt(),
                    "REVEAL", text(e.staffId()), e.staffRole(), List.of(e.field().name()), e.reason(), null, null))))
            .on(MemberProfileViewed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.viewedAt(),
                    "PROFILE_VIEW", text(e.staffId()), e.staffRole(), List.of(), null, null, null))))
            .onMessage(MemberDataExported.class, (f, e, message) -> {
                Map<String, Object> meta = message.getMetaData();
                f.log.add(new AccessEntry(e.exportedAt(), "EXPORT",
                        text(meta.getOrDefault("actorId", message.getAggregateIdentifier())),
                        text(meta.getOrDefault("actorRole", "MEMBER")), List.of(), null, null, null));
                return f;
            })
            .on(MemberAuditTrailViewed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.viewedAt(),
                    "AUDIT_TRAIL_VIEW", text(e.staffId()), e.staffRole(), List.of(), null, null, null))))
            .on(MemberDataShared.class, HistoryView.mutating((f, e) -> {
                DataShareRequested request = f.requests.get(e.shareId());
                f.log.add(new AccessEntry(e.sharedAt(), "SHARE", text(e.staffId()), e.staffRole(),
                        e.fields().stream().sorted().map(ProfileField::propertyName).toList(),
                        request == null ? null : request.statedPurpose(), request == null ? null : request.recipient(),
                        e.shareId()));
            }))
            .on(ConsultationNotesViewed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.viewedAt(),
                    "CONSULTATION_NOTES_VIEW", text(e.staffId()), e.staffRole(), List.of(), null, null, null))))
            .on(IntroductionRecordsViewed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.viewedAt(),
                    "INTRODUCTION_RECORDS_VIEW", text(e.staffId()), e.staffRole(), List.of("note", "meetings", "feedback"),
                    "introduction " + e.introductionId(), null, null))))
            // Another member saw the contact: named by id and role, like staff, and the introduction is the reason.
            .on(MemberContactViewed.class, HistoryView.mutating((f, e) -> f.log.add(new AccessEntry(e.viewedAt(),
                    "CONTACT_VIEW", text(e.viewerMemberId()), "MEMBER", List.of("phone", "wechatId"),
                    "introduction " + e.introductionId(), null, null))))
            .build(f -> List.copyOf(f.log));

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static final class Fold {
        /** The share requests, for the recipient and purpose a share went to. */
        private final Map<UUID, DataShareRequested> requests = new HashMap<>();
        private final List<AccessEntry> log = new ArrayList<>();
    }
}
