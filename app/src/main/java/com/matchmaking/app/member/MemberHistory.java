package com.matchmaking.app.member;

import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.schema.access.MemberDataExported;
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

    /** Everything the log holds about one member. */
    public record MemberRecord(UUID memberId, Profile profile, PartnerPreferences preferences, String policyVersion,
                               Instant registeredAt, Instant updatedAt, Map<ConsentPurpose, ConsentState> consents,
                               ErasureState erasure, IdVerification idVerification, UUID matchmakerId,
                               List<Change> changes) {
        public boolean erased() {
            return "ERASED".equals(erasure.state());
        }
    }

    public MemberRecord load(UUID memberId) {
        Fold fold = new Fold(memberId);
        events.readEvents(memberId.toString(), 0).asStream().forEach(fold::apply);
        if (fold.registeredAt == null) {
            throw RequestRejectedException.notFound("No such member");
        }
        return fold.result();
    }

    private static final class Fold {
        private final UUID memberId;
        private Profile profile;
        private PartnerPreferences preferences;
        private String policyVersion;
        private Instant registeredAt;
        private Instant updatedAt;
        private final Map<ConsentPurpose, ConsentState> consents = new EnumMap<>(ConsentPurpose.class);
        private ErasureState erasure = ErasureState.NONE;
        private IdVerification idVerification;
        private UUID matchmakerId;
        private final List<Change> changes = new ArrayList<>();

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
                values.put("consents", e.consents().stream().map(Enum::name).sorted().toList());
                for (ConsentPurpose purpose : e.consents()) {
                    consents.put(purpose, new ConsentState(purpose, true, e.acceptedPrivacyPolicyVersion(), e.registeredAt()));
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
                at = e.grantedAt();
                values.put("purpose", e.purpose().name());
                values.put("policyVersion", e.policyVersion());
            } else if (payload instanceof ConsentWithdrawn e) {
                consents.put(e.purpose(), new ConsentState(e.purpose(), false, null, e.withdrawnAt()));
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
                at = e.erasedAt();
            } else if (payload instanceof IdNumberVerified e) {
                idVerification = new IdVerification(e.maskedIdNumber(), e.verified(), e.verifiedAt());
                at = e.verifiedAt();
                values.put("maskedIdNumber", e.maskedIdNumber());
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
            } else if (payload instanceof MemberProfileViewed e) {
                at = e.viewedAt();
                values.put("staffId", e.staffId());
                values.put("staffRole", e.staffRole());
            } else if (payload instanceof MemberDataExported e) {
                at = e.exportedAt();
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

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        MemberRecord result() {
            return new MemberRecord(memberId, profile, preferences, policyVersion, registeredAt, updatedAt,
                    Collections.unmodifiableMap(new EnumMap<>(consents)), erasure, idVerification, matchmakerId,
                    List.copyOf(changes));
        }
    }
}
