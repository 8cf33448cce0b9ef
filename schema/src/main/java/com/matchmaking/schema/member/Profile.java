package com.matchmaking.schema.member;

import com.matchmaking.keys.PersonalData;
import com.matchmaking.schema.KeyGroups;
import com.matchmaking.schema.purpose.DataPurposes;

import java.time.LocalDate;

/**
 * A member's profile as they gave it, every field personal. Contact data is in its own key group, the income band
 * in the sensitive group (it needs a consent of its own).
 */
public record Profile(
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) String fullName,
        @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.ACCOUNT, placeholder = PersonalData.ERASED_AS_NULL) String email,
        @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.CONTACT) String phone,
        @PersonalData(group = KeyGroups.CONTACT, purpose = DataPurposes.CONTACT) String wechatId,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) Gender gender,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) LocalDate birthDate,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) String city,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) MaritalStatus maritalStatus,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) Education education,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) String occupation,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) Integer heightCm,
        @PersonalData(group = KeyGroups.SENSITIVE, purpose = DataPurposes.SENSITIVE_PROFILE) IncomeBand incomeBand,
        @PersonalData(group = KeyGroups.PROFILE, purpose = DataPurposes.MATCHMAKING) String aboutMe) {

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
