package com.matchmaking.app.policy;

import com.matchmaking.app.MatchmakingProperties;
import com.matchmaking.app.auditedcommands.AuditedCommands;
import com.matchmaking.schema.policy.PrivacyPolicyPublished;
import com.matchmaking.schema.policy.PublishPrivacyPolicy;
import com.matchmaking.schema.purpose.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Publishes the configured privacy policy ({@code matchmaking.privacy-policy.*}) at start-up when that version is not
 * published yet, before the web server takes requests: so the configuration keeps working as the default, and a
 * deployment with a new configured version makes it current. A version an administrator published later stays
 * current across restarts with an older configuration.
 */
@Component
class PrivacyPolicyBootstrap implements SmartLifecycle {

    /** After Axon has started, before the web server. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2560;
    private static final Logger log = LoggerFactory.getLogger(PrivacyPolicyBootstrap.class);

    private final MatchmakingProperties properties;
    private final PrivacyPolicies policies;
    private final AuditedCommands commands;
    private final Clock clock;
    private volatile boolean running;

    PrivacyPolicyBootstrap(MatchmakingProperties properties, PrivacyPolicies policies, AuditedCommands commands, Clock clock) {
        this.properties = properties;
        this.policies = policies;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        String version = properties.privacyPolicy().version();
        if (policies.find(version).isPresent()) {
            return;
        }
        try {
            commands.sendAsSystem(new PublishPrivacyPolicy(PrivacyPolicyPublished.idOf(version), version,
                    properties.privacyPolicy().text(), clock.instant()), Purpose.PRIVACY_POLICY_CONFIGURED, AuditedCommands.STARTUP);
            log.info("Published the configured privacy policy version {}", version);
        } catch (RuntimeException raced) {
            if (policies.find(version).isEmpty()) {
                throw raced;
            }
            log.info("The configured privacy policy version {} was published by another node", version);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
