package com.matchmaking.app.membercards;

import com.matchmaking.readmodels.masking.Masking;
import com.matchmaking.readmodels.member.MemberCards;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member as one staff audience sees them, in the API's names: masked values where the audience sees masked ones,
 * ages computed today from what the read model keeps, {@code null} for everything the audience may not see.
 */
record MemberCardView(UUID memberId, Audience view, String fullName, String phone, String email, String wechatId,
                      Boolean idVerified, Integer age, String ageBand, String gender, String city, String education,
                      Integer heightCm, String maritalStatus, String occupation, String incomeBand, String aboutMe,
                      String preferences, String status, Instant registeredAt) {

    static MemberCardView of(MemberCards.Card card, LocalDate today) {
        return new MemberCardView(card.memberId(), card.audience(), card.maskedName(), card.maskedPhone(),
                card.maskedEmail(), card.maskedWechat(), card.idVerified(), Masking.age(card.birthDate(), today),
                card.birthYear() != null ? Masking.ageBandFromYear(card.birthYear(), today) : null, card.gender(), card.city(),
                card.education(), card.heightCm(), card.maritalStatus(), card.occupation(), card.incomeBand(),
                card.aboutMe(), card.preferences(), card.status(), card.registeredAt());
    }
}
