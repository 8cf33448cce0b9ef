package com.matchmaking.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of the backend, with defaults that work on a fresh machine. The README lists them with their
 * environment variable names (Spring's relaxed binding: {@code matchmaking.erasure.grace-period} is
 * {@code MATCHMAKING_ERASURE_GRACE_PERIOD}).
 *
 * @param dataDir       where the embedded PostgreSQL and the local KEK file live (ignored by git)
 * @param encryption    crypto-shredding switches
 * @param erasure       erasure timing
 * @param auth          tokens and passwords
 * @param privacyPolicy the privacy policy members accept
 */
@ConfigurationProperties("matchmaking")
public record MatchmakingProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Encryption encryption,
        @DefaultValue Erasure erasure,
        @DefaultValue Auth auth,
        @DefaultValue PrivacyPolicy privacyPolicy) {

    /**
     * @param enabled whether personal fields are encrypted; only the benchmark turns this off, for its baseline
     */
    public record Encryption(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param gracePeriod  cooling-off period between a request and the erasure; PT0S erases at once
     * @param pollInterval how often due erasures are looked for
     */
    public record Erasure(@DefaultValue("P14D") Duration gracePeriod, @DefaultValue("PT10S") Duration pollInterval) {
    }

    /**
     * @param tokenTtl         lifetime of a login token
     * @param bcryptStrength   cost of the password hash (log2 rounds)
     */
    public record Auth(@DefaultValue("PT1H") Duration tokenTtl, @DefaultValue("11") int bcryptStrength) {
    }

    /**
     * @param version the current version, which registration must accept
     * @param text    the text shown to members
     */
    public record PrivacyPolicy(@DefaultValue("2026-11") String version,
                                @DefaultValue("We keep your data encrypted under a key of your own, show staff only what their role needs, log every look at it, and destroy your key when you leave.")
                                String text) {
    }
}
