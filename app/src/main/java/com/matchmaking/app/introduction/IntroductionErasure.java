package com.matchmaking.app.introduction;

import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.readmodels.introduction.Introductions;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.erasure.MemberErased;
import com.matchmaking.schema.introduction.CloseIntroductionOnErasure;
import com.matchmaking.schema.introduction.IntroductionPartyErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An erased member's introductions go with them, in the erasure's own transaction: each is closed, and once the
 * closing event is stored the introduction's keys are destroyed, so its note, meetings and feedback (about both
 * members) are unreadable for the other member too.
 */
@Component
@InCommandTransaction("An erased member's introductions are closed and their keys destroyed in the erasure's own "
        + "transaction")
@ProcessingGroup(IntroductionErasure.GROUP)
class IntroductionErasure {

    static final String GROUP = "introduction-erasure";

    private final Introductions introductions;
    private final AuditedCommands commands;
    private final SubjectKeyVault vault;

    IntroductionErasure(Introductions introductions, AuditedCommands commands, SubjectKeyVault vault) {
        this.introductions = introductions;
        this.commands = commands;
        this.vault = vault;
    }

    @EventHandler
    void on(MemberErased event) {
        for (Introductions.Listed introduction : introductions.ofMember(event.memberId())) {
            commands.sendFollowing(new CloseIntroductionOnErasure(introduction.introductionId(), event.memberId(),
                    event.erasedAt()));
        }
    }

    /** Handled after the event is stored: nothing of the introduction can be written under its key any more. */
    @EventHandler
    void on(IntroductionPartyErased event) {
        vault.erase(event.introductionId());
    }
}
