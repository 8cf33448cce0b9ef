package com.matchmaking.schema.purpose;

import java.util.Locale;

/** The legal bases under China's PIPL and the EU's GDPR that the agency relies on for a {@link Purpose}. */
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

    /** What the basis is, in the words of the README's table (members read the bundles' label instead). */
    public String description() {
        return description;
    }

    /** The articles of PIPL it rests on. */
    public String pipl() {
        return pipl;
    }

    /** The articles of the GDPR it rests on. */
    public String gdpr() {
        return gdpr;
    }

    /** The key of its label in the message bundles ({@code basis.separate-consent}; the law is {@code <key>.law}). */
    public String labelKey() {
        return "basis." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
