package com.matchmaking.schema.member;

import java.util.EnumSet;
import java.util.Set;

/**
 * Changes to a profile: the fields named in {@code fields} take their values from {@code values} ({@code null}
 * clears an optional field); every other field stays as it is.
 */
public record ProfilePatch(Set<ProfileField> fields, Profile values) {

    public ProfilePatch {
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    /** The profile with these changes applied. */
    public Profile applyTo(Profile current) {
        return new Profile(
                pick(ProfileField.FULL_NAME, current.fullName(), values.fullName()),
                pick(ProfileField.EMAIL, current.email(), values.email()),
                pick(ProfileField.PHONE, current.phone(), values.phone()),
                pick(ProfileField.WECHAT_ID, current.wechatId(), values.wechatId()),
                pick(ProfileField.GENDER, current.gender(), values.gender()),
                pick(ProfileField.BIRTH_DATE, current.birthDate(), values.birthDate()),
                pick(ProfileField.CITY, current.city(), values.city()),
                pick(ProfileField.MARITAL_STATUS, current.maritalStatus(), values.maritalStatus()),
                pick(ProfileField.EDUCATION, current.education(), values.education()),
                pick(ProfileField.OCCUPATION, current.occupation(), values.occupation()),
                pick(ProfileField.HEIGHT_CM, current.heightCm(), values.heightCm()),
                pick(ProfileField.INCOME_BAND, current.incomeBand(), values.incomeBand()),
                pick(ProfileField.ABOUT_ME, current.aboutMe(), values.aboutMe()));
    }

    private <T> T pick(ProfileField field, T current, T changed) {
        return fields.contains(field) ? changed : current;
    }
}
