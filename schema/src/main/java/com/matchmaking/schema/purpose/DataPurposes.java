package com.matchmaking.schema.purpose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The purpose registry: why each piece of personal data is collected, and on which legal basis. Every
 * {@code @PersonalData} field names one of these codes (the annotation requires it, and a test checks the code is
 * registered); the privacy policy, the member's export and the README are generated from or checked against this
 * registry together with the fields that name each purpose.
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

    /** The legal bases under China's PIPL and the EU's GDPR that the agency relies on. */
    public enum LegalBasis {
        CONTRACT("necessary to provide the service the member signed up for", "PIPL Art. 13(1)(2)", "GDPR Art. 6(1)(b)"),
        SEPARATE_CONSENT("the member's separate consent, which can be withdrawn at any time", "PIPL Art. 13(1)(1), 29",
                "GDPR Art. 6(1)(a), 9(2)(a)"),
        LEGAL_OBLIGATION("the agency's legal duty to account for access to personal data", "PIPL Art. 13(1)(3), 51",
                "GDPR Art. 6(1)(c), 5(2)"),
        EMPLOYMENT("managing the agency's own staff", "PIPL Art. 13(1)(2)", "GDPR Art. 6(1)(b)"),
        SHARING_CONSENT("the member's separate consent to each share, naming recipient, purpose and fields, which they can "
                + "refuse or withdraw until the data is handed over", "PIPL Art. 13(1)(1), 23", "GDPR Art. 6(1)(a), 7(3)"),
        SECURITY_DUTY("the agency's legal duty to keep personal data secure and to detect misuse of access",
                "PIPL Art. 13(1)(3), 51", "GDPR Art. 6(1)(c), 32"),
        LEGAL_RETENTION("keeping data that a court, an authority or a pending legal claim requires",
                "PIPL Art. 13(1)(3), 47(1)", "GDPR Art. 6(1)(c), 17(3)(b), 17(3)(e)");

        private final String description;
        private final String pipl;
        private final String gdpr;

        LegalBasis(String description, String pipl, String gdpr) {
            this.description = description;
            this.pipl = pipl;
            this.gdpr = gdpr;
        }

        public String description() {
            return description;
        }

        public String pipl() {
            return pipl;
        }

        public String gdpr() {
            return gdpr;
        }
    }

    /** One purpose: its code, what it is for, and why the agency may. */
    public record Purpose(String code, String description, LegalBasis basis) {
    }

    private static final Map<String, Purpose> PURPOSES = new LinkedHashMap<>();

    static {
        register(ACCOUNT, "Keep the member's account and let them log in", LegalBasis.CONTRACT);
        register(MATCHMAKING, "Find partners who suit the member, and let their matchmaker work for them", LegalBasis.CONTRACT);
        register(CONTACT, "Reach the member, and share their contact with a partner both accepted", LegalBasis.CONTRACT);
        register(SENSITIVE_PROFILE, "Match on sensitive attributes the member chose to give", LegalBasis.SEPARATE_CONSENT);
        register(IDENTITY_VERIFICATION, "Show partners and staff that the member's identity was checked",
                LegalBasis.SEPARATE_CONSENT);
        register(ACCOUNTABILITY, "Record why staff looked at the member's data", LegalBasis.LEGAL_OBLIGATION);
        register(STAFF_ADMINISTRATION, "Manage staff accounts and their access", LegalBasis.EMPLOYMENT);
        register(LEAK_REPORTING, "Investigate a suspected leak or misuse reported by staff, protecting the reporter",
                LegalBasis.LEGAL_OBLIGATION);
        register(THIRD_PARTY_SHARING, "Hand selected data to a third party the member agreed to, and keep a register of it",
                LegalBasis.SHARING_CONSENT);
        register(ACCESS_MONITORING, "Review alerts raised on unusual access to members' data", LegalBasis.SECURITY_DUTY);
        register(LEGAL_HOLD, "Say why a member's data must be kept despite an erasure request or inactivity",
                LegalBasis.LEGAL_RETENTION);
        register(CUSTOMER_CARE, "Keep a record of the member's consultations and of why their matching was suspended",
                LegalBasis.CONTRACT);
    }

    private DataPurposes() {
    }

    private static void register(String code, String description, LegalBasis basis) {
        PURPOSES.put(code, new Purpose(code, description, basis));
    }

    /** Every registered purpose, in a stable order. */
    public static Map<String, Purpose> all() {
        return Collections.unmodifiableMap(PURPOSES);
    }

    public static Optional<Purpose> of(String code) {
        return Optional.ofNullable(PURPOSES.get(code));
    }
}
