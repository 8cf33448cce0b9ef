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
import com.matchmaking.readmodels.projection.BatchedWrites;
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
    private final BatchedWrites writes;

    public MatchmakerCardProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(MemberRegistered event) {
        writes.update(event.memberId(), """
                INSERT INTO matchmaker_member_card (masked_name, masked_phone, masked_email, masked_wechat, birth_date,
                    gender, city, education, height_cm, marital_status, occupation, income_band, about_me, updated_at,
                    member_id, status, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                """, profile(event.memberId(), event.profile(), event.registeredAt(), Timestamp.from(event.registeredAt())));
    }

    @EventHandler
    void on(ProfileUpdated event) {
        writes.update(event.memberId(), """
                UPDATE matchmaker_member_card SET masked_name = ?, masked_phone = ?, masked_email = ?, masked_wechat = ?,
                    birth_date = ?, gender = ?, city = ?, education = ?, height_cm = ?, marital_status = ?, occupation = ?,
                    income_band = ?, about_me = ?, updated_at = ?
                WHERE member_id = ?
                """, profile(event.memberId(), event.profile(), event.updatedAt()));
    }

    /** The profile's columns as this audience sees them, then the time, the member id and whatever follows. */
    private static Object[] profile(UUID memberId, Profile p, Instant at, Object... more) {
        String name = AudienceRendering.text(AUDIENCE, DataField.FULL_NAME, p.fullName());
        Object[] values = {
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
                Timestamp.from(at), memberId};
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    @EventHandler
    void on(PreferencesUpdated event) throws JsonProcessingException {
        String preferences = event.preferences() == null ? null : JSON.writeValueAsString(event.preferences());
        writes.update(event.memberId(), "UPDATE matchmaker_member_card SET preferences = ?, updated_at = ? WHERE member_id = ?",
                AudienceRendering.whole(AUDIENCE, DataField.PREFERENCES, preferences), Timestamp.from(event.updatedAt()),
                event.memberId());
    }

    @EventHandler
    void on(IdNumberVerified event) {
        writes.update(event.memberId(), "UPDATE matchmaker_member_card SET id_verified = ? WHERE member_id = ?",
                AudienceRendering.keeps(AUDIENCE, DataField.ID_NUMBER) && Boolean.TRUE.equals(event.verified()), event.memberId());
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.SENSITIVE_DATA) {
            // The sensitive key group is shredded with this event: so is everything derived from it here.
            writes.update(event.memberId(), "UPDATE matchmaker_member_card SET income_band = NULL, id_verified = FALSE WHERE member_id = ?",
                    event.memberId());
        }
    }

    @EventHandler
    void on(MatchmakerAssigned event) {
        writes.update(event.memberId(), "UPDATE matchmaker_member_card SET matchmaker_id = ? WHERE member_id = ?", event.matchmakerId(),
                event.memberId());
    }

    @EventHandler
    void on(ErasureRequested event) {
        writes.update(event.memberId(), "UPDATE matchmaker_member_card SET status = 'ERASURE_PENDING' WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(ErasureCancelled event) {
        writes.update(event.memberId(), "UPDATE matchmaker_member_card SET status = 'ACTIVE' WHERE member_id = ?", event.memberId());
    }

    @EventHandler
    void on(MemberErased event) {
        writes.update(event.memberId(), "DELETE FROM matchmaker_member_card WHERE member_id = ?", event.memberId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM matchmaker_member_card");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
