package com.matchmaking.app.benchmark;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.util.Arrays;

/**
 * What one timed phase of one run did: how many commands or events, in how long, at what CPU cost, with which
 * latencies (commands only) and what the key cache saw meanwhile.
 *
 * @param operations commands sent, or events replayed
 * @param nanos      wall-clock time of the phase
 * @param cpu        CPU time of this JVM and of PostgreSQL during the phase ({@code postgresNanos} -1 when unseen)
 * @param p50Nanos   median command latency, -1 for replays
 * @param p99Nanos   99th percentile command latency, -1 for replays
 * @param keyCache   what the key vault's cache counted during the phase
 */
record PhaseResult(String phase, long operations, long nanos, CpuClock.Reading cpu, long p50Nanos, long p99Nanos,
                   CacheStats keyCache) {

    static PhaseResult commands(String phase, long[] latencies, long nanos, CpuClock.Reading cpu, CacheStats keyCache) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new PhaseResult(phase, sorted.length, nanos, cpu, percentile(sorted, 50), percentile(sorted, 99),
                keyCache);
    }

    static PhaseResult events(String phase, long events, long nanos, CpuClock.Reading cpu, CacheStats keyCache) {
        return new PhaseResult(phase, events, nanos, cpu, -1, -1, keyCache);
    }

    /** Commands or events per second. */
    double perSecond() {
        return operations * 1e9 / nanos;
    }

    /** JVM CPU microseconds per command or event. */
    double jvmMicrosPerOperation() {
        return cpu.jvmNanos() / 1e3 / operations;
    }

    /** PostgreSQL CPU microseconds per command or event; NaN when PostgreSQL's CPU could not be seen. */
    double postgresMicrosPerOperation() {
        return cpu.postgresNanos() < 0 ? Double.NaN : cpu.postgresNanos() / 1e3 / operations;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
