package com.matchmaking.app.policy;

import com.matchmaking.schema.purpose.Purpose;
import com.matchmaking.app.account.Actor;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.app.language.Languages;
import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.app.problem.Violations;
import com.matchmaking.schema.policy.PrivacyPolicyPublished;
import com.matchmaking.schema.policy.PublishPrivacyPolicy;
import com.matchmaking.schema.text.FreeText;
import com.matchmaking.schema.text.FreeText.Kind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The privacy policy members accept, in their language ({@link PrivacyNotices}): the version's own text, followed by
 * what is collected, why, on which legal basis and for how long, generated from the purpose registry and the
 * classification of every stored field, so the policy cannot forget a field the code collects. The current version is
 * the last one published (the configured one is published at start-up); administrators publish new ones.
 */
@Controller
class PrivacyPolicyController {

    record PrivacyPolicy(String version, String text, Instant publishedAt, String language, String textHash) {
    }

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final PrivacyPolicies policies;
    private final PrivacyNotices notices;
    private final AuditedCommands commands;
    private final Clock clock;

    PrivacyPolicyController(PrivacyPolicies policies, PrivacyNotices notices, AuditedCommands commands, Clock clock) {
        this.policies = policies;
        this.notices = notices;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryMapping
    PrivacyPolicy privacyPolicy(@Argument String language, Locale locale) {
        return render(notices.current(Languages.chosen(language, locale)));
    }

    @QueryMapping
    List<PrivacyPolicy> privacyPolicyHistory(Locale locale) {
        return policies.all().stream().map(v -> render(notices.render(v, locale))).toList();
    }

    @MutationMapping
    PrivacyPolicy publishPrivacyPolicy(@Argument String version, @Argument String text, @ContextValue Actor actor,
                                       Locale locale) {
        Violations violations = new Violations();
        String v = version == null ? "" : version.strip();
        Optional<FreeText> body = FreeText.of(Kind.POLICY_TEXT, text);
        violations.check(VERSION.matcher(v).matches(), MessageKey.POLICY_VERSION_FORMAT);
        violations.check(body.isPresent(), MessageKey.LENGTH_BETWEEN, "text", Kind.POLICY_TEXT.min(),
                Kind.POLICY_TEXT.max());
        violations.throwIfAny();
        if (policies.find(v).isPresent()) {
            throw RequestRejectedException.conflict(MessageKey.POLICY_VERSION_PUBLISHED);
        }
        commands.send(new PublishPrivacyPolicy(PrivacyPolicyPublished.idOf(v), v, body.get().value(), clock.instant()),
                actor, Purpose.PRIVACY_POLICY_PUBLICATION);
        return render(notices.render(policies.find(v).orElseThrow(), locale));
    }

    private static PrivacyPolicy render(PrivacyNotices.Rendered notice) {
        return new PrivacyPolicy(notice.version(), notice.text(), notice.publishedAt(), notice.language(), notice.textHash());
    }
}
