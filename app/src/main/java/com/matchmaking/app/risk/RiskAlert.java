package com.matchmaking.app.risk;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.risk.AlertDecision;
import com.matchmaking.schema.risk.RaiseRiskAlert;
import com.matchmaking.schema.risk.ResolveRiskAlert;
import com.matchmaking.schema.risk.RiskAlertRaised;
import com.matchmaking.schema.risk.RiskAlertResolved;
import com.matchmaking.schema.risk.RiskRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An alert a risk rule raised about one account, open until compliance resolves it, once. */
@Aggregate
class RiskAlert {

    static final String STAFF = "STAFF";
    static final String MEMBER = "MEMBER";

    @AggregateIdentifier
    @NotPersonal("an alert id")
    private UUID alertId;
    @NotPersonal("an account id")
    private UUID accountId;
    @NotPersonal("STAFF or MEMBER")
    private String accountKind;
    @NotPersonal
    private RiskRule rule;
    @NotPersonal
    private boolean resolved;

    protected RiskAlert() {
        // For Axon.
    }

    @CommandHandler
    RiskAlert(RaiseRiskAlert command) {
        if (!STAFF.equals(command.accountKind()) && !MEMBER.equals(command.accountKind())) {
            throw RequestRejectedException.badRequest(MessageKey.ALERT_ACCOUNT_KIND);
        }
        apply(new RiskAlertRaised(command.alertId(), command.accountId(), command.accountKind(), command.rule(),
                command.observed(), command.threshold(), command.window(), command.raisedAt()));
    }

    @CommandHandler
    void handle(ResolveRiskAlert command) {
        if (resolved) {
            throw RequestRejectedException.conflict(MessageKey.ALERT_RESOLVED);
        }
        if (accountId.equals(command.resolverId())) {
            throw RequestRejectedException.forbidden(MessageKey.ALERT_OWN_ACCOUNT);
        }
        if (command.decision() == AlertDecision.REINSTATE && !STAFF.equals(accountKind)) {
            throw RequestRejectedException.badRequest(MessageKey.ALERT_REINSTATE_STAFF_ONLY);
        }
        apply(new RiskAlertResolved(alertId, accountId, accountKind, rule, command.resolverId(), command.decision(),
                command.note(), command.resolvedAt()));
    }

    @EventSourcingHandler
    void on(RiskAlertRaised event) {
        alertId = event.alertId();
        accountId = event.accountId();
        accountKind = event.accountKind();
        rule = event.rule();
    }

    @EventSourcingHandler
    void on(RiskAlertResolved event) {
        resolved = true;
    }
}
