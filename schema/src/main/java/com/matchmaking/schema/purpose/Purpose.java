package com.matchmaking.schema.purpose;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why something is done with a member's data: the one type of the purpose registry, of the privacy notice generated
 * from it and of the {@code purpose} that every command sends in its metadata (and every event it causes keeps).
 *
 * <p>The <em>registered</em> purposes say why personal data is collected and on which legal basis: every
 * {@code @PersonalData} field names one (by its code in {@link DataPurposes}), and the privacy notice, the member's
 * export and the README list them in this order. The others are reasons for a command that are not a purpose of
 * collection of their own (a member changing their profile, staff revealing a field); a command may also name a
 * registered purpose ({@link #MATCHMAKING}).
 *
 * <p>The codes are stored in the clear in the metadata of events and never change; a test pins every code ever
 * stored. A new reason is a new constant.
 */
public enum Purpose {

    // The registry: purposes of collection, each with what it is for and its legal basis.
    ACCOUNT(DataPurposes.ACCOUNT, "Keep the member's account and let them log in", LegalBasis.CONTRACT),
    MATCHMAKING(DataPurposes.MATCHMAKING, "Find partners who suit the member, and let their matchmaker work for them",
            LegalBasis.CONTRACT),
    CONTACT(DataPurposes.CONTACT, "Reach the member, and share their contact with a partner both accepted",
            LegalBasis.CONTRACT),
    SENSITIVE_PROFILE(DataPurposes.SENSITIVE_PROFILE, "Match on sensitive attributes the member chose to give",
            LegalBasis.SEPARATE_CONSENT),
    IDENTITY_VERIFICATION(DataPurposes.IDENTITY_VERIFICATION,
            "Show partners and staff that the member's identity was checked", LegalBasis.SEPARATE_CONSENT),
    ACCOUNTABILITY(DataPurposes.ACCOUNTABILITY, "Record why staff looked at the member's data",
            LegalBasis.LEGAL_OBLIGATION),
    STAFF_ADMINISTRATION(DataPurposes.STAFF_ADMINISTRATION, "Manage staff accounts and their access",
            LegalBasis.EMPLOYMENT),
    LEAK_REPORTING(DataPurposes.LEAK_REPORTING,
            "Investigate a suspected leak or misuse reported by staff, protecting the reporter", LegalBasis.LEGAL_OBLIGATION),
    THIRD_PARTY_SHARING(DataPurposes.THIRD_PARTY_SHARING,
            "Hand selected data to a third party the member agreed to, and keep a register of it",
            LegalBasis.SHARING_CONSENT),
    ACCESS_MONITORING(DataPurposes.ACCESS_MONITORING, "Review alerts raised on unusual access to members' data",
            LegalBasis.SECURITY_DUTY),
    LEGAL_HOLD(DataPurposes.LEGAL_HOLD, "Say why a member's data must be kept despite an erasure request or inactivity",
            LegalBasis.LEGAL_RETENTION),
    CUSTOMER_CARE(DataPurposes.CUSTOMER_CARE,
            "Keep a record of the member's consultations and of why their matching was suspended", LegalBasis.CONTRACT),

    // Reasons a command is sent, by who sends it.
    /** A member changes their own profile or preferences. */
    SELF_SERVICE("self-service"),
    /** A member's ID number is checked (the data it keeps is for {@link #IDENTITY_VERIFICATION}). */
    ID_VERIFICATION("id-verification"),
    /** A member grants or withdraws a consent. */
    CONSENT("consent"),
    /** A member confirms their registration. */
    REGISTRATION("registration"),
    /** A member confirms a change of their email address. */
    EMAIL_CHANGE("email-change"),
    /** A member asks to be erased (now or after the cooling-off period). */
    ERASURE_REQUEST("erasure-request"),
    /** A member cancels their erasure request. */
    ERASURE_CANCEL("erasure-cancel"),
    /** The scheduler erases a member whose cooling-off period has passed. */
    ERASURE_GRACE_PERIOD_PASSED("erasure-grace-period-passed"),
    /** An erasure is carried out again from the erasure ledger after a restore. */
    ERASURE_LEDGER_REAPPLY("erasure-ledger-reapply"),
    /** The retention rule tells an inactive member they will be erased. */
    RETENTION_NOTICE("retention-notice"),
    /** The retention rule withdraws its notice: the member came back. */
    RETENTION_MEMBER_RETURNED("retention-member-returned"),
    /** The retention rule erases a member inactive past their notice. */
    RETENTION_INACTIVE("retention-inactive"),
    /** Staff release a legal hold. */
    LEGAL_HOLD_RELEASE("legal-hold-release"),
    /** A risk rule raises an alert. */
    RISK_RULE("risk-rule"),
    /** A raised alert suspends the account it is about. */
    RISK_ALERT("risk-alert"),
    /** Compliance resolves a risk alert. */
    RISK_ALERT_RESOLUTION("risk-alert-resolution"),
    /** An administrator publishes a privacy policy version. */
    PRIVACY_POLICY_PUBLICATION("privacy-policy-publication"),
    /** The configured privacy policy version is published at start-up. */
    PRIVACY_POLICY_CONFIGURED("privacy-policy-configured"),
    /** A member accepts a privacy policy version. */
    PRIVACY_POLICY_ACCEPTANCE("privacy-policy-acceptance"),
    /** A member looks at the contact of a partner of a confirmed introduction. */
    INTRODUCTION_CONTACT("introduction-contact"),
    /** A member exports their data. */
    DATA_EXPORT("data-export"),
    /** Staff read a member's audit trail. */
    AUDIT_TRAIL("audit-trail"),
    /** The configured administrator is created at the first start. */
    BOOTSTRAP_ADMINISTRATOR("bootstrap-administrator"),
    /** Staff reveal a masked field of a member. */
    REVEAL("reveal"),
    /** Staff look at a member's profile. */
    PROFILE_VIEW("profile-view"),
    /** A matchmaker is assigned to a member. */
    MEMBER_ASSIGNMENT("member-assignment"),
    /** Staff report a suspected leak. */
    LEAK_REPORT("leak-report"),
    /** Compliance works on a leak case. */
    LEAK_INVESTIGATION("leak-investigation"),
    /** Staff ask to share a member's data with a third party. */
    THIRD_PARTY_SHARE_REQUEST("third-party-share-request"),
    /** The member consents to a share. */
    THIRD_PARTY_SHARE_CONSENT("third-party-share-consent"),
    /** The member refuses a share. */
    THIRD_PARTY_SHARE_REFUSAL("third-party-share-refusal"),
    /** Compliance approves a share. */
    THIRD_PARTY_SHARE_APPROVAL("third-party-share-approval"),
    /** The data of an approved share is handed over. */
    THIRD_PARTY_SHARE("third-party-share");

    private static final Map<String, Purpose> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Purpose::code, Function.identity()));
    private static final List<Purpose> REGISTRY = Arrays.stream(values()).filter(Purpose::isRegistered).toList();

    private final String code;
    private final String description;
    private final LegalBasis basis;

    Purpose(String code, String description, LegalBasis basis) {
        this.code = code;
        this.description = description;
        this.basis = basis;
    }

    Purpose(String code) {
        this(code, null, null);
    }

    /** The code as stored in metadata and named by {@code @PersonalData}. */
    public String code() {
        return code;
    }

    /** Whether this is a purpose of collection of the registry, with a description and a legal basis. */
    public boolean isRegistered() {
        return basis != null;
    }

    /** What a registered purpose is for. */
    public String description() {
        requireRegistered();
        return description;
    }

    /** Why the agency may pursue a registered purpose. */
    public LegalBasis basis() {
        requireRegistered();
        return basis;
    }

    /** The key of its label in the message bundles; {@code <key>.retention} says how long its data is kept. */
    public String labelKey() {
        return "purpose." + code;
    }

    /** The purpose registry: every purpose of collection, in a stable order. */
    public static List<Purpose> registry() {
        return REGISTRY;
    }

    /** The purpose of a stored code, if it is one. */
    public static Optional<Purpose> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The registered purpose of a code named by {@code @PersonalData}, if it is one. */
    public static Optional<Purpose> registered(String code) {
        return ofCode(code).filter(Purpose::isRegistered);
    }

    private void requireRegistered() {
        if (basis == null) {
            throw new IllegalStateException(name() + " is a reason for a command, not a registered purpose of collection");
        }
    }
}
