package com.matchmaking.app.access;

import com.matchmaking.schema.access.MemberAuditTrailViewed;
import com.matchmaking.schema.access.MemberDataExported;
import com.matchmaking.schema.access.MemberFieldRevealed;
import com.matchmaking.schema.access.MemberProfileViewed;
import com.matchmaking.schema.access.RecordAuditTrailView;
import com.matchmaking.schema.access.RecordDataExport;
import com.matchmaking.schema.access.RecordProfileView;
import com.matchmaking.schema.access.RevealMemberField;
import com.matchmaking.schema.matchmaking.ConsultationNotesViewed;
import com.matchmaking.schema.matchmaking.IntroductionRecordsViewed;
import com.matchmaking.schema.matchmaking.MemberContactViewed;
import com.matchmaking.schema.matchmaking.RecordConsultationNotesView;
import com.matchmaking.schema.matchmaking.RecordContactView;
import com.matchmaking.schema.matchmaking.RecordIntroductionRecordsView;
import org.axonframework.commandhandling.CommandHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every look at a member's data, recorded on the member's own stream so the member and compliance can see who looked
 * and when: reveals, profile and contact views, exports, looks at the audit trail, the consultation notes and the
 * introduction records. It keeps no state: a look is recorded as long as the member exists (the root refuses every
 * command for an erased member).
 */
public class AccessLog {

    public AccessLog() {
        // Made by the member aggregate, and by Jackson for snapshots.
    }

    @CommandHandler
    void handle(RevealMemberField command) {
        apply(new MemberFieldRevealed(command.memberId(), command.staffId(), command.staffRole(), command.field(),
                command.reason(), command.revealedAt()));
    }

    @CommandHandler
    void handle(RecordProfileView command) {
        apply(new MemberProfileViewed(command.memberId(), command.staffId(), command.staffRole(), command.viewedAt()));
    }

    @CommandHandler
    void handle(RecordDataExport command) {
        apply(new MemberDataExported(command.memberId(), command.exportedAt()));
    }

    @CommandHandler
    void handle(RecordAuditTrailView command) {
        apply(new MemberAuditTrailViewed(command.memberId(), command.staffId(), command.staffRole(), command.from(),
                command.to(), command.viewedAt()));
    }

    @CommandHandler
    void handle(RecordConsultationNotesView command) {
        apply(new ConsultationNotesViewed(command.memberId(), command.staffId(), command.staffRole(), command.viewedAt()));
    }

    @CommandHandler
    void handle(RecordIntroductionRecordsView command) {
        apply(new IntroductionRecordsViewed(command.memberId(), command.introductionId(), command.staffId(),
                command.staffRole(), command.viewedAt()));
    }

    @CommandHandler
    void handle(RecordContactView command) {
        apply(new MemberContactViewed(command.memberId(), command.viewerMemberId(), command.introductionId(),
                command.viewedAt()));
    }
}
