package com.matchmaking.schema.purpose;

/**
 * The codes of the registered purposes of personal data as compile-time constants, for
 * {@code @PersonalData(purpose = ...)}: the annotation lives in the {@code keys} module, which knows no domain and so
 * cannot name {@link Purpose}, and an annotation takes only constants. Each code is that of a registered
 * {@link Purpose} (a test holds that), which is what everything else uses.
 */
public final class DataPurposes {

    public static final String ACCOUNT = "account";
    public static final String MATCHMAKING = "matchmaking";
    public static final String CONTACT = "contact";
    public static final String SENSITIVE_PROFILE = "sensitive-profile";
    public static final String IDENTITY_VERIFICATION = "identity-verification";
    public static final String ACCOUNTABILITY = "accountability";
    public static final String STAFF_ADMINISTRATION = "staff-administration";
    public static final String LEAK_REPORTING = "leak-reporting";
    public static final String THIRD_PARTY_SHARING = "third-party-sharing";
    public static final String ACCESS_MONITORING = "access-monitoring";
    public static final String LEGAL_HOLD = "legal-hold";
    public static final String CUSTOMER_CARE = "customer-care";

    private DataPurposes() {
    }
}
