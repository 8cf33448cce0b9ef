package com.matchmaking.app.sharing;

import com.matchmaking.app.history.HistoryView;
import com.matchmaking.schema.access.MemberDataShared;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.DataShareApproved;
import com.matchmaking.schema.sharing.DataShareCancelled;
import com.matchmaking.schema.sharing.DataShareConsented;
import com.matchmaking.schema.sharing.DataShareRefused;
import com.matchmaking.schema.sharing.DataShareRequested;
import com.matchmaking.schema.sharing.DataShareStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A member's third-party shares as their log holds them, oldest request first. */
public final class Shares {

    private Shares() {
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

    public static final HistoryView<List<ShareRecord>> VIEW = HistoryView
            .startingWith(() -> new LinkedHashMap<UUID, ShareRecord>())
            .identifiedBy(MemberRegistered.class)
            .on(DataShareRequested.class, HistoryView.mutating((shares, e) -> shares.put(e.shareId(),
                    new ShareRecord(e.shareId(), e.memberId(), e.recipient(), e.statedPurpose(),
                            e.fields().stream().sorted().toList(), DataShareStatus.REQUESTED, e.requesterId(),
                            e.requesterRole(), e.requestedAt(), null, null, null, null, null))))
            .on(DataShareConsented.class, HistoryView.mutating((shares, e) -> shares.computeIfPresent(e.shareId(),
                    (id, s) -> s.with(DataShareStatus.CONSENTED, e.consentedAt(), null, null, null, null))))
            .on(DataShareRefused.class, HistoryView.mutating((shares, e) -> shares.computeIfPresent(e.shareId(),
                    (id, s) -> s.with(DataShareStatus.REFUSED, s.consentedAt(), s.approvedBy(), s.approvedAt(), null,
                            e.refusedAt()))))
            .on(DataShareApproved.class, HistoryView.mutating((shares, e) -> shares.computeIfPresent(e.shareId(),
                    (id, s) -> s.with(DataShareStatus.APPROVED, s.consentedAt(), e.approverId(), e.approvedAt(), null,
                            null))))
            .on(DataShareCancelled.class, HistoryView.mutating((shares, e) -> shares.computeIfPresent(e.shareId(),
                    (id, s) -> s.with(DataShareStatus.CANCELLED, s.consentedAt(), s.approvedBy(), s.approvedAt(), null,
                            e.cancelledAt()))))
            .on(MemberDataShared.class, HistoryView.mutating((shares, e) -> shares.computeIfPresent(e.shareId(),
                    (id, s) -> s.with(DataShareStatus.SHARED, s.consentedAt(), s.approvedBy(), s.approvedAt(),
                            e.sharedAt(), e.sharedAt()))))
            .build(shares -> List.copyOf(shares.values()));

    /** The one share of that id among the member's. */
    public static Optional<ShareRecord> find(List<ShareRecord> shares, UUID shareId) {
        return shares.stream().filter(s -> s.shareId().equals(shareId)).findFirst();
    }
}
