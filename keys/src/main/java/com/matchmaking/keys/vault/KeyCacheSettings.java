package com.matchmaking.keys.vault;

import java.time.Duration;

/**
 * Bounds of the unwrapped-key cache. Unwrapping a keyset (and, with a KMS, the call behind it) is what a cache
 * miss costs; the bound keeps key material of idle subjects out of memory.
 *
 * @param maximumSubjects how many subjects' keyrings stay cached
 * @param timeToLive      how long a cached keyring is trusted before it is read again
 */
public record KeyCacheSettings(long maximumSubjects, Duration timeToLive) {

    public static final KeyCacheSettings DEFAULTS = new KeyCacheSettings(10_000, Duration.ofMinutes(5));

    public KeyCacheSettings {
        if (maximumSubjects < 0) {
            throw new IllegalArgumentException("maximumSubjects must not be negative");
        }
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("timeToLive must not be negative");
        }
    }
}
