package com.matchmaking.schema.member;

import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;

import java.time.LocalDate;

/**
 * A member's profile as they gave it, every field personal. Contact data is in its own key group, the income band
 * in the sensitive group (it needs a consent of its own).
 */
public record Profile(
        @PersonalData(group = KeyGroups.PROFILE) String fullName,
        @PersonalData(group = KeyGroups.CONTACT, placeholder = PersonalData.ERASED_AS_NULL) String email,
        @PersonalData(group = KeyGroups.CONTACT) String phone,
        @PersonalData(group = KeyGroups.CONTACT) String wechatId,
        @PersonalData(group = KeyGroups.PROFILE) Gender gender,
        @PersonalData(group = KeyGroups.PROFILE) LocalDate birthDate,
        @PersonalData(group = KeyGroups.PROFILE) String city,
        @PersonalData(group = KeyGroups.PROFILE) MaritalStatus maritalStatus,
        @PersonalData(group = KeyGroups.PROFILE) Education education,
        @PersonalData(group = KeyGroups.PROFILE) String occupation,
        @PersonalData(group = KeyGroups.PROFILE) Integer heightCm,
        @PersonalData(group = KeyGroups.SENSITIVE) IncomeBand incomeBand,
        @PersonalData(group = KeyGroups.PROFILE) String aboutMe) {

    /** The value of one field, for histories and exports. */
    public Object value(ProfileField field) {
        return switch (field) {
            case FULL_NAME -> fullName;
            case EMAIL -> email;
            case PHONE -> phone;
            case WECHAT_ID -> wechatId;
            case GENDER -> gender;
            case BIRTH_DATE -> birthDate;
            case CITY -> city;
            case MARITAL_STATUS -> maritalStatus;
            case EDUCATION -> education;
            case OCCUPATION -> occupation;
            case HEIGHT_CM -> heightCm;
            case INCOME_BAND -> incomeBand;
            case ABOUT_ME -> aboutMe;
        };
    }
}
