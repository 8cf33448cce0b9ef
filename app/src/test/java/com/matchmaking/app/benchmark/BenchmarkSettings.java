package com.matchmaking.app.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's parameters, read from system properties (see {@link EncryptionBenchmark} for the list).
 *
 * @param registrations  RegisterMember commands measured per round and mode
 * @param updates        UpdateProfile commands measured per round and mode, spread over the registered members
 * @param concurrency    commands in flight (one sending thread each)
 * @param replayEvents   events the replay reprocesses at least; the store is topped up with untimed profile updates
 *                       when the measured commands wrote fewer; 0 means exactly the events the commands wrote
 * @param replayRepeats  how often each run repeats the cold and the warm replay (alternating); it reports the median
 * @param rounds         measured rounds; each runs both modes, alternating which goes first
 * @param warmupRounds   rounds run first and left out of the medians (JIT, class loading, PostgreSQL caches)
 * @param poolSize       JDBC pool size of the application
 * @param progressPercent how often a progress line is printed, in percent of a phase
 * @param processors     the streaming event processors to replay; empty: every one that supports a reset
 * @param workDir        where each run's data folder and KEK file go
 * @param baseline       whether each round also runs the bare-Axon baseline
 * @param segments       segments (and threads) of the scaled processors; 0 leaves the application's setting
 * @param batchSize      batch size of the scaled processors; 0 leaves the application's setting
 * @param scaledProcessors the processors {@code segments} and {@code batchSize} apply to
 * @param extraArguments further application properties, {@code name=value;name=value}
 * @param jsonFile       where the figures are written as JSON
 */
record BenchmarkSettings(int registrations, int updates, int concurrency, int replayEvents, int replayRepeats,
                         int rounds, int warmupRounds, int poolSize, int progressPercent, List<String> processors,
                         Path workDir, boolean baseline, int segments, int batchSize, List<String> scaledProcessors,
                         List<String> extraArguments, Path jsonFile) {

    static BenchmarkSettings fromSystemProperties() {
        BenchmarkSettings settings = new BenchmarkSettings(
                intProperty("benchmark.registrations", 2000),
                intProperty("benchmark.updates", 2000),
                intProperty("benchmark.concurrency", 8),
                intProperty("benchmark.replayEvents", 10_000),
                intProperty("benchmark.replayRepeats", 3),
                intProperty("benchmark.rounds", 3),
                intProperty("benchmark.warmupRounds", 1),
                intProperty("benchmark.poolSize", 20),
                intProperty("benchmark.progressPercent", 20),
                Arrays.stream(System.getProperty("benchmark.processors", "").split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).toList(),
                defaultWorkDir(),
                Boolean.parseBoolean(System.getProperty("benchmark.baseline", "true")),
                intProperty("benchmark.segments", 0),
                intProperty("benchmark.batchSize", 0),
                list("benchmark.scaledProcessors", "member-read-models"),
                Arrays.stream(System.getProperty("benchmark.app", "").split(";")).map(String::strip)
                        .filter(a -> !a.isEmpty()).toList(),
                Path.of(System.getProperty("benchmark.json", defaultWorkDir().resolve("encryption.json").toString()))
                        .toAbsolutePath().normalize());
        if (settings.registrations < 1 || settings.updates < 0 || settings.concurrency < 1 || settings.rounds < 1
                || settings.warmupRounds < 0 || settings.replayEvents < 0 || settings.replayRepeats < 1
                || settings.poolSize < 2 || settings.progressPercent < 1 || settings.segments < 0
                || settings.batchSize < 0) {
            throw new IllegalArgumentException("Invalid benchmark settings: " + settings);
        }
        return settings;
    }

    static Path defaultWorkDir() {
        return Path.of(System.getProperty("benchmark.workDir", "target/benchmark")).toAbsolutePath().normalize();
    }

    static List<String> list(String name, String fallback) {
        return Arrays.stream(System.getProperty(name, fallback).split(",")).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    /**
     * The application arguments these settings add: segments, threads and batch size of the scaled processors (the
     * application's own {@code axon.eventhandling.processors.*} properties, so a change of processor type there is
     * picked up), then the free-form ones.
     */
    List<String> applicationArguments() {
        List<String> arguments = new java.util.ArrayList<>();
        for (String processor : scaledProcessors) {
            String prefix = "--axon.eventhandling.processors." + processor + ".";
            if (segments > 0) {
                arguments.add(prefix + "initial-segment-count=" + segments);
                arguments.add(prefix + "thread-count=" + segments);
            }
            if (batchSize > 0) {
                arguments.add(prefix + "batch-size=" + batchSize);
            }
        }
        extraArguments.forEach(a -> arguments.add("--" + a));
        return arguments;
    }

    static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    /** The settings the scale benchmark uses. */
    String describeProcessing() {
        return "poolSize=" + poolSize + " concurrency=" + concurrency
                + (segments > 0 ? " segments=" + segments : "") + (batchSize > 0 ? " batchSize=" + batchSize : "")
                + (processors.isEmpty() ? "" : " processors=" + String.join(",", processors))
                + (extraArguments.isEmpty() ? "" : " app=" + String.join(";", extraArguments));
    }

    String describe() {
        return "registrations=" + registrations + " updates=" + updates + " concurrency=" + concurrency
                + " replayEvents=" + (replayEvents == 0 ? "(all written)" : replayEvents) + " replayRepeats="
                + replayRepeats + (processors.isEmpty() ? "" : " processors=" + String.join(",", processors))
                + " rounds=" + rounds
                + " warmupRounds=" + warmupRounds + " poolSize=" + poolSize + " baseline=" + baseline
                + (segments > 0 ? " segments=" + segments : "") + (batchSize > 0 ? " batchSize=" + batchSize : "")
                + (extraArguments.isEmpty() ? "" : " app=" + String.join(";", extraArguments));
    }
}
