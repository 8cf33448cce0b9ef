package com.matchmaking.app.access;

import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
import com.matchmaking.schema.sharing.ProduceDataSharePackage;
import com.matchmaking.schema.sharing.RequestDataShare;

/**
 * What a recorded read looks at, with what records it, the purpose its event's metadata names, and the operation of
 * {@link AuthorizationTable} whose rule the reader must still pass once the access is recorded.
 */
public enum AccessKind {

    /** A member's masked card, one member at a time. */
    PROFILE_VIEW(RecordProfileView.class, Purpose.PROFILE_VIEW, "Query.memberProfile", false),
    /** One unmasked field, with a stated reason. */
    FIELD_REVEAL(RevealMemberField.class, Purpose.REVEAL, "Mutation.revealField", false),
    /** Customer service's notes about a member. */
    CONSULTATION_NOTES(RecordConsultationNotesView.class, Purpose.CUSTOMER_CARE, "Query.consultationNotes", false),
    /** An introduction's note, meetings and feedback: personal data about both members. */
    INTRODUCTION_RECORDS(RecordIntroductionRecordsView.class, Purpose.MATCHMAKING, "Query.introductions", false),
    /**
     * A member's audit trail. The trail of a member erased already is still shown (nothing personal of theirs can be
     * read any more), and no event can be added to their log.
     */
    AUDIT_TRAIL(RecordAuditTrailView.class, Purpose.AUDIT_TRAIL, "Query.auditTrail", true),
    /** Asking to share a member's fields with a third party; the request is counted as an access by the risk rules. */
    SHARE_REQUEST(RequestDataShare.class, Purpose.THIRD_PARTY_SHARE_REQUEST, "Mutation.requestDataShare", false),
    /** Handing a member's fields over to a third party. */
    SHARE_PACKAGE(ProduceDataSharePackage.class, Purpose.THIRD_PARTY_SHARE, "Mutation.collectDataShare", false),
    /** The other member's contact, after both accepted an introduction. */
    PARTNER_CONTACT(RecordContactView.class, Purpose.INTRODUCTION_CONTACT, "Query.myIntroductions", false);

    private final Class<?> command;
    private final Purpose purpose;
    private final String authority;
    private final boolean readsErasedSubjects;

    AccessKind(Class<?> command, Purpose purpose, String authority, boolean readsErasedSubjects) {
        this.command = command;
        this.purpose = purpose;
        this.authority = authority;
        this.readsErasedSubjects = readsErasedSubjects;
    }

    /** The command that appends this access to the subject's log; only {@link Access} builds it. */
    public Class<?> command() {
        return command;
    }

    Purpose purpose() {
        return purpose;
    }

    /** The operation in {@link AuthorizationTable} whose rule the reader must still pass when the data is read. */
    public String authority() {
        return authority;
    }

    boolean readsErasedSubjects() {
        return readsErasedSubjects;
    }
}
