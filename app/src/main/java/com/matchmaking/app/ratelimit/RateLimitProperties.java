package com.matchmaking.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Requests per client address, per node (each node keeps its own buckets in memory).
 *
 * @param login        logging in and checking one-time codes ({@code confirmEmail}, {@code resetPassword},
 *                     {@code confirmEmailChange}): guesses
 * @param registration registering, asking for a reset and asking for a new email: each sends a mail
 * @param maxClients   client addresses remembered at once; the least recently seen go first
 */
@ConfigurationProperties("matchmaking.rate-limit")
public record RateLimitProperties(@DefaultValue Limit login,
                                  @DefaultValue Limit registration,
                                  @DefaultValue("100000") int maxClients) {

    /** {@code capacity} requests at once, refilled evenly over {@code period}. */
    public record Limit(@DefaultValue("20") int capacity, @DefaultValue("PT1M") Duration period) {

        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
            }
        }
    }
}
