package com.matchmaking.app.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * How the read models' pooled streaming processors run ({@code matchmaking.processing.*}); application.yml hands the
 * segment count and batch size on to Axon's processor settings.
 *
 * @param segments     segments of the member read models' processor, each a sequence of members handled in parallel
 *                     with the others; fixed once the processor's tokens exist (the README says how to change it)
 * @param batchSize    events per batch: one transaction, its writes sent as JDBC batches
 * @param claimTimeout how long a node's claim on a segment lasts without being extended: a node that died leaves its
 *                     segments to the others after this (and at most a second more); live nodes extend their claims at
 *                     a third of it
 * @param nodeId       this node's name in the token store, distinct per node; empty: the process name
 *                     ({@code pid@host}) and a suffix drawn at each start ({@link #startName()})
 */
@ConfigurationProperties("matchmaking.processing")
record ProcessingProperties(@DefaultValue("4") int segments,
                            @DefaultValue("100") int batchSize,
                            @DefaultValue("PT5S") Duration claimTimeout,
                            @DefaultValue("") String nodeId) {

    ProcessingProperties {
        if (segments < 1 || segments > 64) {
            throw new IllegalArgumentException("matchmaking.processing.segments must be between 1 and 64");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("matchmaking.processing.batch-size must be at least 1");
        }
        if (claimTimeout == null || claimTimeout.toMillis() < 300) {
            throw new IllegalArgumentException("matchmaking.processing.claim-timeout must be at least 300 ms");
        }
    }

    /**
     * The process name ({@code pid@host}, Axon's own default) with a suffix drawn at this start. Two application contexts
     * of one process (a restart in place, two nodes in one test JVM) would otherwise share a name in the token store: a
     * batch that the closing one still commits would store its token over a claim the new one has taken, and the
     * same event would be handled by both. A process restarted under the same pid (a container's pid 1) waits out the
     * claim timeout for the segments its crashed predecessor held, as any other node would.
     */
    static String startName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "#" + Long.toHexString(START_SUFFIX.nextLong() & 0xffffffL);
    }

    private static final SecureRandom START_SUFFIX = new SecureRandom();

    /** A live node extends its claims this long after it last did, well inside the timeout. */
    long claimExtensionMillis() {
        return Math.max(100, claimTimeout.toMillis() / 3);
    }
}
