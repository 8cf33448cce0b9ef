package com.matchmaking.keys.vault;

import java.time.Duration;

/**
 * Bounds of the unwrapped-key cache. Unwrapping a keyset (and, with a KMS, the call behind it) is what a cache
 * miss costs; the bound keeps key material of idle subjects out of memory.
 *
 * @param maximumSubjects how many subjects' keyrings stay cached
 * @param timeToLive      how long a cached keyring is trusted before it is read again
 * @param fallbackTimeToLive how long while eviction notices from other nodes cannot be heard (the
 *                        {@link KeyEvictionListener} is not listening): an erasure on another node is honoured here
 *                        within this time at the latest
 */
public record KeyCacheSettings(long maximumSubjects, Duration timeToLive, Duration fallbackTimeToLive) {

    public static final KeyCacheSettings DEFAULTS = new KeyCacheSettings(10_000, Duration.ofMinutes(5));

    /** Settings with a fallback time-to-live of five seconds (or the time-to-live, if shorter). */
    public KeyCacheSettings(long maximumSubjects, Duration timeToLive) {
        this(maximumSubjects, timeToLive, timeToLive.compareTo(Duration.ofSeconds(5)) < 0 ? timeToLive : Duration.ofSeconds(5));
    }

    public KeyCacheSettings {
        if (maximumSubjects < 0) {
            throw new IllegalArgumentException("maximumSubjects must not be negative");
        }
        if (timeToLive.isNegative() || fallbackTimeToLive.isNegative()) {
            throw new IllegalArgumentException("timeToLive and fallbackTimeToLive must not be negative");
        }
        if (fallbackTimeToLive.compareTo(timeToLive) > 0) {
            throw new IllegalArgumentException("fallbackTimeToLive must not be longer than timeToLive");
        }
    }
}
