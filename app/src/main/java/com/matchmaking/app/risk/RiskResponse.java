package com.matchmaking.app.risk;

import com.matchmaking.app.account.Logins;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.readmodels.processing.InCommandTransaction;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.risk.AlertDecision;
import com.matchmaking.schema.risk.RiskAlertRaised;
import com.matchmaking.schema.risk.RiskAlertResolved;
import com.matchmaking.schema.risk.RiskRule;
import com.matchmaking.schema.staff.LiftRiskSuspension;
import com.matchmaking.schema.staff.SuspendStaff;
import com.matchmaking.schema.staff.SuspensionReason;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What an alert does to the account, in the same transaction as the alert (a subscribing processor): a staff account
 * is suspended the moment an alert is raised about it (except for failed logins, see below), and reinstated when compliance resolves the alert with
 * {@code REINSTATE} (a suspension an administrator imposed for another reason stays). Reinstating after failed
 * logins also clears the run of failures, or the next typo would raise the alert again.
 */
@Component
@InCommandTransaction("An alert suspends the staff account before the access that raised it returns")
@ProcessingGroup(RiskResponse.GROUP)
class RiskResponse {

    static final String GROUP = "risk-response";

    private final AuditedCommands commands;
    private final Logins logins;

    RiskResponse(AuditedCommands commands, Logins logins) {
        this.commands = commands;
        this.logins = logins;
    }

    /**
     * Failed logins are the one rule that suspends nobody: anyone who knows a username can fail its logins, and would
     * otherwise switch off every compliance officer from outside. The lockout slows the guesser; the alert tells
     * compliance.
     */
    @EventHandler
    void on(RiskAlertRaised event) {
        if (RiskAlert.STAFF.equals(event.accountKind()) && event.rule() != RiskRule.FAILED_LOGINS) {
            commands.sendAsSystem(new SuspendStaff(event.accountId(), SuspensionReason.RISK_ALERT, event.raisedAt()),
                    Purpose.RISK_ALERT, AuditedCommands.EVENT);
        }
    }

    @EventHandler
    void on(RiskAlertResolved event) {
        if (event.decision() != AlertDecision.REINSTATE || !RiskAlert.STAFF.equals(event.accountKind())) {
            return;
        }
        commands.sendFollowing(new LiftRiskSuspension(event.accountId(), event.resolvedAt()));
        if (event.rule() == RiskRule.FAILED_LOGINS) {
            logins.clearFailures(event.accountId());
        }
    }
}
