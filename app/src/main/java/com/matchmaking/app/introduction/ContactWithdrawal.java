package com.matchmaking.app.introduction;

import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.readmodels.introduction.Introductions;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.introduction.EndIntroduction;
import com.matchmaking.schema.introduction.IntroductionStatus;
import com.matchmaking.schema.matchmaking.MemberBlocked;
import com.matchmaking.schema.matchmaking.MemberSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Contact taken back, in the block's or the suspension's own transaction: a member who blocks someone ends every open
 * or confirmed introduction between the two, and a suspended member's introductions all end. Once ended, the contact
 * rule shows neither side the other's phone or WeChat id again, even after a reinstatement.
 */
@Component
@InCommandTransaction("A block or a suspension takes contact back at once: no request after it shows the other "
        + "member's contact")
@ProcessingGroup(ContactWithdrawal.GROUP)
class ContactWithdrawal {

    static final String GROUP = "introduction-contact";

    private static final Set<String> STANDING = Set.of(IntroductionStatus.PROPOSED.name(),
            IntroductionStatus.CONFIRMED.name());

    private final Introductions introductions;
    private final AuditedCommands commands;

    ContactWithdrawal(Introductions introductions, AuditedCommands commands) {
        this.introductions = introductions;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberBlocked event) {
        for (Introductions.Listed introduction : introductions.ofMember(event.memberId())) {
            if (STANDING.contains(introduction.status()) && introduction.involves(event.blockedMemberId())) {
                commands.sendFollowing(new EndIntroduction(introduction.introductionId(), event.memberId(),
                        event.blockedAt()));
            }
        }
    }

    @EventHandler
    void on(MemberSuspended event) {
        for (Introductions.Listed introduction : introductions.ofMember(event.memberId())) {
            if (STANDING.contains(introduction.status())) {
                commands.sendFollowing(new EndIntroduction(introduction.introductionId(), event.memberId(),
                        event.suspendedAt()));
            }
        }
    }
}
