package com.matchmaking.app.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often a command that lost a race on its aggregate (another node, or another request, wrote the aggregate's
 * next event first) is tried again before the client gets {@code CONFLICT}.
 *
 * @param conflictRetries  retries after the first attempt; {@code 0} answers the first conflict
 * @param conflictBackoff  wait before the first retry; each further retry waits twice as long
 */
@ConfigurationProperties("matchmaking.commands")
record CommandRetryProperties(@DefaultValue("5") int conflictRetries,
                              @DefaultValue("PT0.01S") Duration conflictBackoff) {

    CommandRetryProperties {
        if (conflictRetries < 0 || conflictBackoff.isNegative() || conflictBackoff.isZero()) {
            throw new IllegalArgumentException("matchmaking.commands.conflict-retries must be 0 or more and "
                    + "conflict-backoff positive");
        }
    }
}
