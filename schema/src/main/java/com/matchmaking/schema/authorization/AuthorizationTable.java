package com.matchmaking.schema.authorization;

import com.matchmaking.schema.account.Role;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one authorisation table, in two parts that the code enforces and the tests enumerate.
 *
 * <p><b>Operations by role</b>: which roles may call each GraphQL operation ("Type.field"), and whether it touches
 * members' personal data (then staff need a signed confidentiality agreement and current privacy training). An
 * operation missing here is closed to everyone.
 *
 * <p><b>Fields by audience</b>: what each audience sees of each piece of member data, after DESIGN.md's masking
 * table. Read models store exactly this (a masked name where the audience sees a masked name, a birth year where it
 * sees an age band, nothing where it sees nothing) and the API returns exactly that.
 */
public final class AuthorizationTable {

    /** Who is looking at a member's data. Staff roles split where the relation to the member matters. */
    public enum Audience {
        MEMBER_SELF, OTHER_MEMBER, MATCHMAKER_ASSIGNED, MATCHMAKER_POOL, CUSTOMER_SERVICE, ANALYST, COMPLIANCE, ADMIN
    }

    /** The pieces of a member's data an audience may see. */
    public enum DataField {
        FULL_NAME, PHONE, EMAIL, WECHAT_ID, ID_NUMBER, BIRTH_DATE, GENDER, CITY, EDUCATION, HEIGHT, MARITAL_STATUS,
        OCCUPATION, INCOME_BAND, ABOUT_ME, PREFERENCES, CONSULTATION_NOTES, ACCESS_LOG
    }

    /** How a piece of data appears to an audience. */
    public enum Visibility {
        /** The value itself. */
        FULL,
        /** A masked form from the masking catalog. */
        MASKED,
        /** A masked form, and the value itself through an explicit reveal with a reason, which is logged. */
        REVEALABLE,
        /** The surname and a star (another member looking at a name). */
        SURNAME_ONLY,
        /** Only after both members accepted an introduction, and each look is logged. */
        AFTER_MUTUAL_ACCEPTANCE,
        /** Whether it was verified, nothing more. */
        VERIFIED_ONLY,
        /** Age in years, from a birth date. */
        AGE,
        /** A five-year age band. */
        AGE_BAND,
        /** Only inside k-anonymous aggregates. */
        AGGREGATES_ONLY,
        /** Nothing at all. */
        NONE
    }

    /** Who may call an operation, and whether it touches members' personal data. */
    public record OperationRule(boolean open, Set<Role> roles, boolean memberData) {

        public boolean allows(Set<Role> held) {
            return open || held.stream().anyMatch(roles::contains);
        }
    }

    private static final Map<String, OperationRule> OPERATIONS = new LinkedHashMap<>();
    private static final Set<String> MEMBER_RIGHTS = new java.util.TreeSet<>();
    private static final Map<Audience, Map<DataField, Visibility>> FIELDS = new EnumMap<>(Audience.class);

    static {
        open("Query.privacyPolicy");
        open("Mutation.login");
        open("Mutation.registerMember");
        // The credential life cycle: confirming an address and resetting a password prove a mailbox, not a login.
        open("Mutation.confirmEmail");
        open("Mutation.requestPasswordReset");
        open("Mutation.resetPassword");
        for (String own : new String[] {"Mutation.changePassword", "Mutation.logout"}) {
            rule(own, false, Role.MEMBER, Role.MATCHMAKER, Role.CUSTOMER_SERVICE, Role.ANALYST, Role.COMPLIANCE, Role.ADMIN);
            MEMBER_RIGHTS.add(own);
        }

        for (String own : new String[] {"Query.me", "Query.myDataExport", "Query.myErasureStatus", "Query.myConsents",
                "Mutation.updateMyProfile", "Mutation.confirmEmailChange", "Mutation.updateMyPreferences", "Mutation.requestErasure",
                "Mutation.cancelErasure", "Mutation.grantConsent", "Mutation.withdrawConsent", "Mutation.submitIdNumber"}) {
            rule(own, false, Role.MEMBER);
        }

        for (String admin : new String[] {"Query.staffAccounts", "Mutation.createStaff", "Mutation.changeStaffRoles",
                "Mutation.suspendStaff", "Mutation.reinstateStaff", "Mutation.recordConfidentialityAgreement",
                "Mutation.recordPrivacyTraining", "Mutation.assignMatchmaker"}) {
            rule(admin, false, Role.ADMIN);
        }

        // Reporting a leak must never be harder than staying silent: any staff member, cleared or not.
        rule("Mutation.fileLeakReport", false, Role.MATCHMAKER, Role.CUSTOMER_SERVICE, Role.ANALYST, Role.COMPLIANCE, Role.ADMIN);
        for (String compliance : new String[] {"Query.leakCases", "Query.leakCase", "Mutation.startLeakInvestigation",
                "Mutation.addLeakCaseNote", "Mutation.closeLeakCase"}) {
            rule(compliance, true, Role.COMPLIANCE);
        }

        rule("Query.demographics", true, Role.ANALYST);

        // Member self-service of the audit and consent ledger.
        for (String own : new String[] {"Query.myAccessLog", "Query.myConsentHistory", "Query.myDataShares",
                "Mutation.acceptPrivacyPolicy", "Mutation.respondToDataShare"}) {
            rule(own, false, Role.MEMBER);
        }
        open("Query.privacyPolicyHistory");
        rule("Mutation.publishPrivacyPolicy", false, Role.ADMIN);

        // A member who has not accepted the current privacy policy may still read it and accept it, and exercise the
        // rights that never depend on it: see and take their data, see who looked at it, withdraw consent, leave.
        for (String right : new String[] {"Query.privacyPolicy", "Query.privacyPolicyHistory", "Mutation.acceptPrivacyPolicy",
                "Query.myDataExport", "Query.myAccessLog", "Query.myConsents", "Query.myConsentHistory",
                "Mutation.withdrawConsent", "Query.myDataShares", "Mutation.requestErasure", "Mutation.cancelErasure",
                "Query.myErasureStatus"}) {
            MEMBER_RIGHTS.add(right);
        }

        // Oversight: COMPLIANCE. Reading a member's trail, the sharing register or legal holds shows personal data
        // (masked, or the recipients, purposes and reasons of their own records): memberData.
        rule("Query.auditTrail", true, Role.COMPLIANCE);
        rule("Query.alerts", false, Role.COMPLIANCE);
        rule("Mutation.resolveAlert", false, Role.COMPLIANCE);
        rule("Query.erasureReceipt", false, Role.COMPLIANCE);
        rule("Query.verifyAuditChain", false, Role.COMPLIANCE);
        rule("Query.dataShareRegister", true, Role.COMPLIANCE);
        rule("Mutation.approveDataShare", true, Role.COMPLIANCE);
        rule("Query.legalHolds", true, Role.COMPLIANCE);
        rule("Mutation.placeLegalHold", true, Role.COMPLIANCE);
        rule("Mutation.releaseLegalHold", true, Role.COMPLIANCE);

        // Sharing with a third party: asked for and handed over by the staff who work with members.
        rule("Mutation.requestDataShare", true, Role.MATCHMAKER, Role.CUSTOMER_SERVICE);
        rule("Mutation.collectDataShare", true, Role.MATCHMAKER, Role.CUSTOMER_SERVICE);

        // Matchmaking. A member's own side of it, then the staff who work on it.
        for (String own : new String[] {"Query.myRecommendations", "Query.myIntroductions", "Query.myMatchingStatus",
                "Mutation.respondToIntroduction", "Mutation.giveIntroductionFeedback", "Mutation.blockMember",
                "Mutation.pauseMatching", "Mutation.resumeMatching"}) {
            rule(own, false, Role.MEMBER);
        }
        rule("Mutation.withdrawFromIntroduction", false, Role.MEMBER);
        // Taking contact back is a right that never depends on the current policy, like blocking.
        MEMBER_RIGHTS.add("Mutation.withdrawFromIntroduction");
        // Stepping out of matching is a right that never depends on the current policy.
        MEMBER_RIGHTS.add("Mutation.pauseMatching");
        MEMBER_RIGHTS.add("Mutation.blockMember");
        MEMBER_RIGHTS.add("Query.myMatchingStatus");
        for (String matchmaker : new String[] {"Query.candidates", "Query.introductions", "Mutation.proposeIntroduction",
                "Mutation.recordMeeting", "Mutation.recordIntroductionOutcome"}) {
            rule(matchmaker, true, Role.MATCHMAKER);
        }
        for (String service : new String[] {"Query.consultationNotes", "Mutation.addConsultationNote",
                "Mutation.suspendMember", "Mutation.reinstateMember"}) {
            rule(service, true, Role.CUSTOMER_SERVICE);
        }

        rule("Query.memberCards", true, Role.MATCHMAKER, Role.CUSTOMER_SERVICE);
        rule("Query.memberProfile", true, Role.MATCHMAKER, Role.CUSTOMER_SERVICE);
        rule("Mutation.revealField", true, Role.MATCHMAKER, Role.CUSTOMER_SERVICE);

        fields(Audience.MEMBER_SELF, Visibility.FULL);
        FIELDS.get(Audience.MEMBER_SELF).put(DataField.ID_NUMBER, Visibility.MASKED);

        fields(Audience.OTHER_MEMBER, Visibility.NONE);
        set(Audience.OTHER_MEMBER, Visibility.SURNAME_ONLY, DataField.FULL_NAME);
        set(Audience.OTHER_MEMBER, Visibility.AFTER_MUTUAL_ACCEPTANCE, DataField.PHONE, DataField.EMAIL, DataField.WECHAT_ID);
        set(Audience.OTHER_MEMBER, Visibility.AGE, DataField.BIRTH_DATE);
        set(Audience.OTHER_MEMBER, Visibility.FULL, DataField.GENDER, DataField.CITY, DataField.EDUCATION, DataField.HEIGHT,
                DataField.MARITAL_STATUS, DataField.ABOUT_ME);

        fields(Audience.MATCHMAKER_ASSIGNED, Visibility.NONE);
        set(Audience.MATCHMAKER_ASSIGNED, Visibility.REVEALABLE, DataField.FULL_NAME, DataField.PHONE, DataField.EMAIL,
                DataField.WECHAT_ID);
        set(Audience.MATCHMAKER_ASSIGNED, Visibility.VERIFIED_ONLY, DataField.ID_NUMBER);
        set(Audience.MATCHMAKER_ASSIGNED, Visibility.AGE, DataField.BIRTH_DATE);
        set(Audience.MATCHMAKER_ASSIGNED, Visibility.FULL, DataField.GENDER, DataField.CITY, DataField.EDUCATION,
                DataField.HEIGHT, DataField.MARITAL_STATUS, DataField.OCCUPATION, DataField.INCOME_BAND,
                DataField.ABOUT_ME, DataField.PREFERENCES);

        // The unassigned pool: enough to pick a member up, nothing that identifies them.
        fields(Audience.MATCHMAKER_POOL, Visibility.NONE);
        set(Audience.MATCHMAKER_POOL, Visibility.AGE, DataField.BIRTH_DATE);
        set(Audience.MATCHMAKER_POOL, Visibility.FULL, DataField.GENDER, DataField.CITY, DataField.EDUCATION);

        fields(Audience.CUSTOMER_SERVICE, Visibility.NONE);
        set(Audience.CUSTOMER_SERVICE, Visibility.REVEALABLE, DataField.FULL_NAME, DataField.PHONE, DataField.EMAIL,
                DataField.WECHAT_ID);
        set(Audience.CUSTOMER_SERVICE, Visibility.VERIFIED_ONLY, DataField.ID_NUMBER);
        set(Audience.CUSTOMER_SERVICE, Visibility.AGE_BAND, DataField.BIRTH_DATE);
        set(Audience.CUSTOMER_SERVICE, Visibility.FULL, DataField.CITY, DataField.CONSULTATION_NOTES);

        fields(Audience.ANALYST, Visibility.NONE);
        set(Audience.ANALYST, Visibility.AGGREGATES_ONLY, DataField.BIRTH_DATE, DataField.GENDER, DataField.CITY,
                DataField.EDUCATION, DataField.HEIGHT, DataField.MARITAL_STATUS, DataField.INCOME_BAND);

        fields(Audience.COMPLIANCE, Visibility.NONE);
        set(Audience.COMPLIANCE, Visibility.FULL, DataField.ACCESS_LOG);

        fields(Audience.ADMIN, Visibility.NONE);
    }

    private AuthorizationTable() {
    }

    private static void open(String operation) {
        OPERATIONS.put(operation, new OperationRule(true, Set.of(), false));
    }

    private static void rule(String operation, boolean memberData, Role first, Role... rest) {
        OPERATIONS.put(operation, new OperationRule(false, Collections.unmodifiableSet(EnumSet.of(first, rest)), memberData));
    }

    private static void fields(Audience audience, Visibility visibility) {
        Map<DataField, Visibility> row = new EnumMap<>(DataField.class);
        for (DataField field : DataField.values()) {
            row.put(field, visibility);
        }
        FIELDS.put(audience, row);
    }

    private static void set(Audience audience, Visibility visibility, DataField... fields) {
        for (DataField field : fields) {
            FIELDS.get(audience).put(field, visibility);
        }
    }

    /** Every listed operation with its rule, in declaration order. */
    public static Map<String, OperationRule> operations() {
        return Collections.unmodifiableMap(OPERATIONS);
    }

    /**
     * Whether a member may call the operation before accepting the current privacy policy: reading and accepting the
     * policy, and the rights that never depend on it (access, export, withdrawal of consent, erasure).
     */
    public static boolean usableWithoutCurrentPolicy(String operation) {
        return MEMBER_RIGHTS.contains(operation);
    }

    public static Optional<OperationRule> operation(String operation) {
        return Optional.ofNullable(OPERATIONS.get(operation));
    }

    /** How one audience sees one piece of data. */
    public static Visibility visibility(Audience audience, DataField field) {
        return FIELDS.get(audience).get(field);
    }

    /** Whether the audience sees anything of the field in a read model (masked, derived or whole). */
    public static boolean sees(Audience audience, DataField field) {
        Visibility v = visibility(audience, field);
        return v != Visibility.NONE && v != Visibility.AGGREGATES_ONLY && v != Visibility.AFTER_MUTUAL_ACCEPTANCE;
    }
}
