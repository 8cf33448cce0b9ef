package com.matchmaking.schema.member;

/** The fields of a {@link Profile}, by name: not personal, so events can say which fields changed in the clear. */
public enum ProfileField {
    FULL_NAME("fullName", true),
    EMAIL("email", true),
    PHONE("phone", true),
    WECHAT_ID("wechatId", false),
    GENDER("gender", true),
    BIRTH_DATE("birthDate", true),
    CITY("city", true),
    MARITAL_STATUS("maritalStatus", true),
    EDUCATION("education", false),
    OCCUPATION("occupation", false),
    HEIGHT_CM("heightCm", false),
    INCOME_BAND("incomeBand", false),
    ABOUT_ME("aboutMe", false);

    private final String propertyName;
    private final boolean required;

    ProfileField(String propertyName, boolean required) {
        this.propertyName = propertyName;
        this.required = required;
    }

    /** The name of the property in the GraphQL API and in exports. */
    public String propertyName() {
        return propertyName;
    }

    /** Whether every member must have a value: required fields can be changed but never cleared. */
    public boolean required() {
        return required;
    }
}
