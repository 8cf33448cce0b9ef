package com.matchmaking.app.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Opens the secrets features keep as a {@link StartupSecret} before anything else starts, and makes them only on the
 * first start: a database whose event store is empty. After that a missing one stops the application with a message
 * naming it, instead of a new one being made:
 * <ul>
 *     <li>the audit chain's key: a new one would let whoever deleted the old one have a rewritten history re-linked;</li>
 *     <li>the login lookup key: a new one matches no stored blind index, so every login would fail;</li>
 *     <li>the token signing key: a new one would only log everyone out, but a secret that vanished from the database
 *     means tampering or a bad restore, which an operator should look at before the service runs on.</li>
 * </ul>
 * Each is a {@link StartupSecret} of the feature that keeps it, opened in that order.
 */
@Component
class ServiceSecretsCheck implements SmartLifecycle {

    /** Before Axon, the erasure ledger check and the web server. */
    static final int PHASE = Integer.MIN_VALUE + 1000;
    private static final Logger log = LoggerFactory.getLogger(ServiceSecretsCheck.class);

    private final List<StartupSecret> secrets;
    private final JdbcTemplate jdbc;
    private volatile boolean running;

    ServiceSecretsCheck(List<StartupSecret> secrets, JdbcTemplate jdbc) {
        this.secrets = List.copyOf(secrets);
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        boolean fresh = !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class));
        secrets.forEach(secret -> secret.open(fresh));
        if (fresh) {
            log.info("Service secrets opened (made where missing: the event store is empty, a first start)");
        }
        running = true;
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
