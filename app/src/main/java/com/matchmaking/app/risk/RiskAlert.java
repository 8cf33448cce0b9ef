package com.matchmaking.app.risk;

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
            throw RequestRejectedException.badRequest("accountKind must be STAFF or MEMBER");
        }
        apply(new RiskAlertRaised(command.alertId(), command.accountId(), command.accountKind(), command.rule(),
                command.observed(), command.threshold(), command.window(), command.raisedAt()));
    }

    @CommandHandler
    void handle(ResolveRiskAlert command) {
        if (resolved) {
            throw RequestRejectedException.conflict("The alert is already resolved");
        }
        if (accountId.equals(command.resolverId())) {
            throw RequestRejectedException.forbidden("Nobody may resolve an alert about their own account");
        }
        if (command.decision() == AlertDecision.REINSTATE && !STAFF.equals(accountKind)) {
            throw RequestRejectedException.badRequest("Only a staff account is suspended and can be reinstated");
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
