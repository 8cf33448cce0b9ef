package com.matchmaking.app.access;

import com.matchmaking.app.account.Actor;
import com.matchmaking.schema.access.MemberField;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.sharing.ProduceDataSharePackage;
import com.matchmaking.schema.sharing.RequestDataShare;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One access as {@link AccessProtocol} records it: its kind and the details its event carries (the field and reason
 * of a reveal, the period of an audit trail, the introduction or share it belongs to). Built only here, so the
 * access-event commands are written in one place.
 */
public final class Access {

    /** Builds the command that records the access in one subject's log. */
    @FunctionalInterface
    interface Recorder {
        Object command(UUID subject, Actor reader, Instant at);
    }

    private final AccessKind kind;
    private final Recorder recorder;

    private Access(AccessKind kind, Recorder recorder) {
        this.kind = kind;
        this.recorder = recorder;
    }

    public AccessKind kind() {
        return kind;
    }

    Object command(UUID subject, Actor reader, Instant at) {
        Object command = recorder.command(subject, reader, at);
        if (!kind.command().isInstance(command)) {
            throw new IllegalStateException(kind + " is recorded by " + kind.command().getSimpleName());
        }
        return command;
    }

    public static Access profileView() {
        return new Access(AccessKind.PROFILE_VIEW,
                (subject, reader, at) -> new RecordProfileView(subject, reader.accountId(), reader.auditRole(), at));
    }

    /** @param reason the stated reason, already checked (see {@code FreeText.Kind.REVEAL_REASON}) */
    public static Access fieldReveal(MemberField field, String reason) {
        return new Access(AccessKind.FIELD_REVEAL, (subject, reader, at) -> new RevealMemberField(subject,
                reader.accountId(), reader.auditRole(), field, reason, at));
    }

    public static Access consultationNotes() {
        return new Access(AccessKind.CONSULTATION_NOTES, (subject, reader, at) -> new RecordConsultationNotesView(subject,
                reader.accountId(), reader.auditRole(), at));
    }

    public static Access introductionRecords(UUID introductionId) {
        return new Access(AccessKind.INTRODUCTION_RECORDS, (subject, reader, at) -> new RecordIntroductionRecordsView(
                subject, introductionId, reader.accountId(), reader.auditRole(), at));
    }

    public static Access auditTrail(Instant from, Instant to) {
        return new Access(AccessKind.AUDIT_TRAIL, (subject, reader, at) -> new RecordAuditTrailView(subject,
                reader.accountId(), reader.auditRole(), from, to, at));
    }

    /** @param recipient and {@code purpose}: already checked free text */
    public static Access shareRequest(UUID shareId, String recipient, String purpose, Collection<ProfileField> fields) {
        Set<ProfileField> named = EnumSet.copyOf(fields);
        return new Access(AccessKind.SHARE_REQUEST, (subject, reader, at) -> new RequestDataShare(subject, shareId,
                reader.accountId(), reader.auditRole(), recipient, purpose, named, at));
    }

    public static Access sharePackage(UUID shareId) {
        return new Access(AccessKind.SHARE_PACKAGE, (subject, reader, at) -> new ProduceDataSharePackage(subject, shareId,
                reader.accountId(), reader.auditRole(), at));
    }

    public static Access partnerContact(UUID introductionId) {
        return new Access(AccessKind.PARTNER_CONTACT,
                (subject, reader, at) -> new RecordContactView(subject, reader.accountId(), introductionId, at));
    }
}
