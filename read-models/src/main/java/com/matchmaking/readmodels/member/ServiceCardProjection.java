package com.matchmaking.readmodels.member;

import com.matchmaking.readmodels.masking.AudienceRendering;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import com.matchmaking.readmodels.projection.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Customer service's read model: masked contact data, whether the ID number checked out, the birth year (for an age
 * band) and the city, as the authorisation table renders them. It also counts every member event it has folded in
 * ({@code events_applied}), which makes a lost or doubly applied event visible.
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
public class ServiceCardProjection {

    private static final Audience AUDIENCE = Audience.CUSTOMER_SERVICE;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    public ServiceCardProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MemberRegistered event) {
        Object[] profile = profile(event.profile());
        writes.update(event.memberId(), """
                INSERT INTO service_member_card (masked_name, masked_phone, masked_email, masked_wechat, birth_year, city,
                    member_id, status, registered_at, updated_at, events_applied)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 1)
                """, profile[0], profile[1], profile[2], profile[3], profile[4], profile[5], event.memberId(),
                Timestamp.from(event.registeredAt()), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(ProfileUpdated event) {
        Object[] profile = profile(event.profile());
        writes.update(event.memberId(), """
                UPDATE service_member_card SET masked_name = ?, masked_phone = ?, masked_email = ?, masked_wechat = ?,
                    birth_year = ?, city = ?, updated_at = ?, events_applied = events_applied + 1
                WHERE member_id = ?
                """, profile[0], profile[1], profile[2], profile[3], profile[4], profile[5],
                Timestamp.from(event.updatedAt()), event.memberId());
    }

    /** The profile's columns as this audience sees them, in the order both statements above bind them. */
    private static Object[] profile(Profile p) {
        String name = AudienceRendering.text(AUDIENCE, DataField.FULL_NAME, p.fullName());
        return new Object[]{
                name == null ? "*" : name,
                AudienceRendering.text(AUDIENCE, DataField.PHONE, p.phone()),
                AudienceRendering.text(AUDIENCE, DataField.EMAIL, p.email()),
                AudienceRendering.text(AUDIENCE, DataField.WECHAT_ID, p.wechatId()),
                AudienceRendering.keeps(AUDIENCE, DataField.BIRTH_DATE) && p.birthDate() != null ? p.birthDate().getYear() : null,
                AudienceRendering.whole(AUDIENCE, DataField.CITY, p.city())};
    }

    @EventHandler
    void on(IdNumberVerified event) {
        writes.update(event.memberId(), "UPDATE service_member_card SET id_verified = ?, events_applied = events_applied + 1 WHERE member_id = ?",
                AudienceRendering.keeps(AUDIENCE, DataField.ID_NUMBER) && Boolean.TRUE.equals(event.verified()), event.memberId());
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        // Withdrawing consent to sensitive data shreds the ID verification with it.
        boolean sensitive = event.purpose() == ConsentPurpose.SENSITIVE_DATA;
        writes.update(event.memberId(), """
                UPDATE service_member_card SET id_verified = id_verified AND NOT ?, events_applied = events_applied + 1
                WHERE member_id = ?
                """, sensitive, event.memberId());
    }

    @EventHandler
    void on(ErasureRequested event) {
        status(event.memberId(), "ERASURE_PENDING");
    }

    @EventHandler
    void on(ErasureCancelled event) {
        status(event.memberId(), "ACTIVE");
    }

    @EventHandler
    void on(MemberErased event) {
        writes.update(event.memberId(), "DELETE FROM service_member_card WHERE member_id = ?", event.memberId());
    }

    /**
     * Any other event of a member: nothing to keep, but counted. It takes the message, not the payload, so counting
     * an event never costs decrypting it.
     */
    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> message) {
        if ("Member".equals(message.getType())) {
            UUID memberId = UUID.fromString(message.getAggregateIdentifier());
            writes.update(memberId, "UPDATE service_member_card SET events_applied = events_applied + 1 WHERE member_id = ?",
                    memberId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM service_member_card");
    }

    private void status(UUID memberId, String status) {
        writes.update(memberId, "UPDATE service_member_card SET status = ?, events_applied = events_applied + 1 WHERE member_id = ?",
                status, memberId);
    }
}
