package com.matchmaking.app.policy;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.audit.AuditedCommands;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.schema.policy.PrivacyPolicyPublished;
import com.matchmaking.schema.policy.PublishPrivacyPolicy;
import com.matchmaking.schema.purpose.DataPurposes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The privacy policy members accept: the configured text, followed by what is collected, why and on which legal
 * basis, generated from the purpose registry and the classification of every stored field, so the policy cannot
 * forget a field the code collects. The current version is the last one published (the configured one is published
 * at start-up); administrators publish new ones.
 */
@Controller
class PrivacyPolicyController {

    record PrivacyPolicy(String version, String text, Instant publishedAt) {
    }

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final PrivacyPolicies policies;
    private final AuditedCommands commands;
    private final Clock clock;
    private final String collected;

    PrivacyPolicyController(PrivacyPolicies policies, AuditedCommands commands, Clock clock, PersonalDataInventory inventory) {
        this.policies = policies;
        this.commands = commands;
        this.clock = clock;
        StringBuilder text = new StringBuilder("\n\nWhat we collect, why, and on which legal basis:");
        for (PersonalDataInventory.Entry entry : inventory.entries()) {
            DataPurposes.Purpose purpose = entry.purpose();
            text.append("\n- ").append(purpose.description()).append(": ").append(String.join(", ", entry.fields()))
                    .append(". Basis: ").append(purpose.basis().description()).append(" (")
                    .append(purpose.basis().pipl()).append("; ").append(purpose.basis().gdpr()).append(").");
        }
        this.collected = text.toString();
    }

    @QueryMapping
    PrivacyPolicy privacyPolicy() {
        return render(policies.current());
    }

    @QueryMapping
    List<PrivacyPolicy> privacyPolicyHistory() {
        return policies.all().stream().map(this::render).toList();
    }

    @MutationMapping
    PrivacyPolicy publishPrivacyPolicy(@Argument String version, @Argument String text, @ContextValue Actor actor) {
        Violations violations = new Violations();
        String v = version == null ? "" : version.strip();
        String body = text == null ? "" : text.strip();
        violations.check(VERSION.matcher(v).matches(), MessageKey.POLICY_VERSION_FORMAT);
        violations.check(body.length() >= 20 && body.length() <= 20_000, MessageKey.LENGTH_BETWEEN, "text", 20, 20_000);
        violations.throwIfAny();
        if (policies.find(v).isPresent()) {
            throw RequestRejectedException.conflict(MessageKey.POLICY_VERSION_PUBLISHED);
        }
        commands.send(new PublishPrivacyPolicy(PrivacyPolicyPublished.idOf(v), v, body, clock.instant()), actor,
                "privacy-policy-publication");
        return render(policies.find(v).orElseThrow());
    }

    private PrivacyPolicy render(PrivacyPolicies.Version version) {
        return new PrivacyPolicy(version.version(), version.text() + collected, version.publishedAt());
    }
}
