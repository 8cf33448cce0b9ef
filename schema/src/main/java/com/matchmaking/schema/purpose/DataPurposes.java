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

    /** The legal bases under China's PIPL and the EU's GDPR that the agency relies on. */
    public enum LegalBasis {
        CONTRACT("necessary to provide the service the member signed up for", "PIPL Art. 13(1)(2)", "GDPR Art. 6(1)(b)"),
        SEPARATE_CONSENT("the member's separate consent, which can be withdrawn at any time", "PIPL Art. 13(1)(1), 29",
                "GDPR Art. 6(1)(a), 9(2)(a)"),
        LEGAL_OBLIGATION("the agency's legal duty to account for access to personal data", "PIPL Art. 13(1)(3), 51",
                "GDPR Art. 6(1)(c), 5(2)"),
        EMPLOYMENT("managing the agency's own staff", "PIPL Art. 13(1)(2)", "GDPR Art. 6(1)(b)");

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
