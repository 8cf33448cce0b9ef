package com.matchmaking.readmodels.member;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.readmodels.masking.AudienceRendering;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;
import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.consent.ConsentWithdrawn;
import com.matchmaking.schema.erasure.ErasureCancelled;
import com.matchmaking.schema.erasure.ErasureRequested;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.member.IdNumberVerified;
import com.matchmaking.schema.member.MatchmakerAssigned;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.PreferencesUpdated;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The matchmakers' read model: what an assigned matchmaker may see of a member, rendered by the authorisation
 * table (masked contact data, the birth date for an age, the matching attributes, preferences). Which matchmaker
 * reads which columns is the query's business ({@link MemberCards}).
 */
@Component
@ProcessingGroup(MemberReadModels.PROCESSING_GROUP)
public class MatchmakerCardProjection {

    private static final Audience AUDIENCE = Audience.MATCHMAKER_ASSIGNED;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public MatchmakerCardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegistered event) {
        jdbc.update("""
                INSERT INTO matchmaker_member_card (member_id, masked_name, status, registered_at, updated_at)
                VALUES (?, '*', 'ACTIVE', ?, ?)
                """, event.memberId(), Timestamp.from(event.registeredAt()), Timestamp.from(event.registeredAt()));
        profile(event.memberId(), event.profile(), event.registeredAt());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        profile(event.memberId(), event.profile(), event.updatedAt());
    }

    private void profile(UUID memberId, Profile p, Instant at) {
        String name = AudienceRendering.text(AUDIENCE, DataField.FULL_NAME, p.fullName());
        jdbc.update("""
                UPDATE matchmaker_member_card SET masked_name = ?, masked_phone = ?, masked_email = ?, masked_wechat = ?,
                    birth_date = ?, gender = ?, city = ?, education = ?, height_cm = ?, marital_status = ?, occupation = ?,
                    income_band = ?, about_me = ?, updated_at = ?
                WHERE member_id = ?
                """,
                name == null ? "*" : name,
                AudienceRendering.text(AUDIENCE, DataField.PHONE, p.phone()),
                AudienceRendering.text(AUDIENCE, DataField.EMAIL, p.email()),
                AudienceRendering.text(AUDIENCE, DataField.WECHAT_ID, p.wechatId()),
                AudienceRendering.keeps(AUDIENCE, DataField.BIRTH_DATE) && p.birthDate() != null ? Date.valueOf(p.birthDate()) : null,
                name(AudienceRendering.whole(AUDIENCE, DataField.GENDER, p.gender())),
                AudienceRendering.whole(AUDIENCE, DataField.CITY, p.city()),
                name(AudienceRendering.whole(AUDIENCE, DataField.EDUCATION, p.education())),
                AudienceRendering.whole(AUDIENCE, DataField.HEIGHT, p.heightCm()),
                name(AudienceRendering.whole(AUDIENCE, DataField.MARITAL_STATUS, p.maritalStatus())),
                AudienceRendering.whole(AUDIENCE, DataField.OCCUPATION, p.occupation()),
                name(AudienceRendering.whole(AUDIENCE, DataField.INCOME_BAND, p.incomeBand())),
                AudienceRendering.whole(AUDIENCE, DataField.ABOUT_ME, p.aboutMe()),
                Timestamp.from(at), memberId);
    }

    @EventHandler
    void on(PreferencesUpdated event) throws JsonProcessingException {
        String preferences = event.preferences() == null ? null : JSON.writeValueAsString(event.preferences());
        jdbc.update("UPDATE matchmaker_member_card SET preferences = ?, updated_at = ? WHERE member_id = ?",
                AudienceRendering.whole(AUDIENCE, DataField.PREFERENCES, preferences), Timestamp.from(event.updatedAt()),
                event.memberId());
    }

    @EventHandler
    void on(IdNumberVerified event) {
        jdbc.update("UPDATE matchmaker_member_card SET id_verified = ? WHERE member_id = ?",
                AudienceRendering.keeps(AUDIENCE, DataField.ID_NUMBER) && Boolean.TRUE.equals(event.verified()), event.memberId());
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.SENSITIVE_DATA) {
            // The sensitive key group is shredded with this event: so is everything derived from it here.
            jdbc.update("UPDATE matchmaker_member_card SET income_band = NULL, id_verified = FALSE WHERE member_id = ?",
                    event.memberId());
        }
    }

    @EventHandler
    void on(MatchmakerAssigned event) {
        jdbc.update("UPDATE matchmaker_member_card SET matchmaker_id = ? WHERE member_id = ?", event.matchmakerId(),
                event.memberId());
    }

    @EventHandler
    void on(ErasureRequested event) {
        jdbc.update("UPDATE matchmaker_member_card SET status = 'ERASURE_PENDING' WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(ErasureCancelled event) {
        jdbc.update("UPDATE matchmaker_member_card SET status = 'ACTIVE' WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberErased event) {
        jdbc.update("DELETE FROM matchmaker_member_card WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM matchmaker_member_card");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
