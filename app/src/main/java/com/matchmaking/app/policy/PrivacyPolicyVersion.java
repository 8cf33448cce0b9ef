package com.matchmaking.app.policy;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.keys.NotPersonal;
import com.matchmaking.schema.policy.PrivacyPolicyPublished;
import com.matchmaking.schema.policy.PublishPrivacyPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One published version of the privacy policy. A version is published once and never changes. */
@Aggregate
class PrivacyPolicyVersion {

    @AggregateIdentifier
    @NotPersonal("a policy version's id")
    private String policyId;

    protected PrivacyPolicyVersion() {
        // For Axon.
    }

    @CommandHandler
    PrivacyPolicyVersion(PublishPrivacyPolicy command) {
        if (command.version() == null || command.version().isBlank() || command.text() == null || command.text().isBlank()) {
            throw RequestRejectedException.badRequest(MessageKey.POLICY_NEEDS_VERSION_AND_TEXT);
        }
        if (!PrivacyPolicyPublished.idOf(command.version()).equals(command.policyId())) {
            throw RequestRejectedException.badRequest(MessageKey.POLICY_ID_FROM_VERSION);
        }
        apply(new PrivacyPolicyPublished(command.policyId(), command.version(), command.text(), command.publishedAt()));
    }

    @EventSourcingHandler
    void on(PrivacyPolicyPublished event) {
        policyId = event.policyId();
    }
}
