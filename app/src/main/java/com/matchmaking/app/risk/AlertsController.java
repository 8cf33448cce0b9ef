package com.matchmaking.app.risk;

import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.problem.FreeTextInput;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.compliance.RiskAlerts;
import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.schema.risk.AlertDecision;
import com.matchmaking.schema.risk.ResolveRiskAlert;
import com.matchmaking.schema.risk.RiskAlertRaised;
import com.matchmaking.schema.risk.RiskAlertResolved;
import com.matchmaking.schema.text.FreeText.Kind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Compliance reviews alerts: lists them (the read model orders and filters; each alert is read from its own events,
 * so a resolution note, encrypted under the flagged account's key, is decrypted on the spot) and resolves them.
 */
@Controller
class AlertsController {

    static final int MAX_ALERTS = 500;

    /** An alert as compliance sees it. */
    record AlertView(UUID alertId, UUID accountId, String accountKind, String rule, long observed, long threshold,
                     String window, Instant raisedAt, String status, AlertDecision decision, String note, UUID resolvedBy,
                     Instant resolvedAt) {
    }

    private final RiskAlerts alerts;
    private final EventStorageEngine events;
    private final AuditedCommands commands;
    private final Clock clock;

    AlertsController(RiskAlerts alerts, EventStorageEngine events, AuditedCommands commands, Clock clock) {
        this.alerts = alerts;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryMapping
    List<AlertView> alerts(@Argument String status) {
        return alerts.ids(status, MAX_ALERTS).stream().map(this::load).toList();
    }

    @MutationMapping
    AlertView resolveAlert(@Argument UUID alertId, @Argument AlertDecision decision, @Argument String note,
                           @ContextValue Actor actor) {
        String text = FreeTextInput.required(Kind.ALERT_NOTE, note, MessageKey.ALERT_NOTE_LENGTH);
        load(alertId);
        commands.send(new ResolveRiskAlert(alertId, actor.accountId(), decision, text, clock.instant()), actor,
                Purpose.RISK_ALERT_RESOLUTION);
        return load(alertId);
    }

    private AlertView load(UUID alertId) {
        AlertView[] view = {null};
        events.readEvents(alertId.toString(), 0).asStream().map(DomainEventMessage::getPayload).forEach(payload -> {
            if (payload instanceof RiskAlertRaised e) {
                view[0] = new AlertView(e.alertId(), e.accountId(), e.accountKind(), e.rule().name(), e.observed(),
                        e.threshold(), e.window() == null ? null : e.window().toString(), e.raisedAt(), "OPEN", null, null,
                        null, null);
            } else if (payload instanceof RiskAlertResolved e && view[0] != null) {
                AlertView v = view[0];
                view[0] = new AlertView(v.alertId(), v.accountId(), v.accountKind(), v.rule(), v.observed(), v.threshold(),
                        v.window(), v.raisedAt(), "RESOLVED", e.decision(), e.note(), e.resolverId(), e.resolvedAt());
            }
        });
        if (view[0] == null) {
            throw RequestRejectedException.notFound(MessageKey.NO_SUCH_ALERT);
        }
        return view[0];
    }
}
