package com.matchmaking.app.benchmark;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.matchmaking.keys.testing.TestPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark of crypto-shredding's cost: registrations and profile updates through Axon's command gateway into
 * PostgreSQL, and a replay of the event log into the read models, each with encryption on
 * ({@code CryptoShreddingSerializer}) and off (plain {@code JacksonSerializer}), in the same JVM. It prints progress
 * while it runs, then per mode commands/s and events/s, the encrypted/plain ratio of each (the target is 0.90 or
 * better: encryption costing under 10% of throughput) and the key cache's statistics.
 *
 * <p>Run it from the repository root (it is not a test; surefire never runs it):
 * <pre>
 * mvn -q -Pbenchmark -DskipTests -pl app -am test
 * mvn -q -Pbenchmark -DskipTests -pl app -am test -Dbenchmark.registrations=200 -Dbenchmark.updates=200 -Dbenchmark.replayEvents=0 -Dbenchmark.rounds=1
 * </pre>
 *
 * <p>Every run (one mode of one round) starts the Spring Boot application on a fresh database from
 * {@link TestPostgres} (embedded PostgreSQL, or an external server with {@code MATCHMAKING_TEST_POSTGRES=external}),
 * with its own data folder and KEK file under {@code target/benchmark/}, and then:
 * <ol>
 *     <li><b>register</b>: {@code RegisterMember} commands with generated profiles, {@code concurrency} in flight;</li>
 *     <li><b>update</b>: {@code UpdateProfile} commands spread over those members, each changing 1-3 fields;</li>
 *     <li>untimed: more profile updates until the store holds {@code replayEvents} events; then waits until the
 *     read models have caught up;</li>
 *     <li><b>replay-cold</b>: the read models' streaming event processors (every one that supports a reset, unless
 *     {@code benchmark.processors} names them) shut down, their tokens reset, the key cache emptied
 *     ({@code SubjectKeyVault.evictAll()}), started together, and timed until each has processed every event
 *     again: every event is read, deserialized (decrypted) for each handler that takes it and applied, and every
 *     member's keys are looked up once; events/s is events of the log per second;</li>
 *     <li><b>replay-warm</b>: the same with the key cache left full.</li>
 * </ol>
 * The two replays are repeated {@code replayRepeats} times, alternating, and the run keeps the median of each.
 * The live projection runs during the command phases as it would in production. Warm-up rounds come first and are
 * left out; each measured round runs both modes on identical generated data, alternating which mode goes first; the
 * summary gives medians, the spread, and the median of the per-round encrypted/plain ratios.
 *
 * <p>Parameters (system properties, {@code -Dname=value}):
 * <ul>
 *     <li>{@code benchmark.registrations} (2000): RegisterMember commands per run</li>
 *     <li>{@code benchmark.updates} (2000): UpdateProfile commands per run</li>
 *     <li>{@code benchmark.concurrency} (8): commands in flight</li>
 *     <li>{@code benchmark.replayEvents} (10000): events the replays reprocess; the store is topped up with untimed
 *     profile updates when the commands wrote fewer; 0 replays exactly what the commands wrote</li>
 *     <li>{@code benchmark.replayRepeats} (3): cold and warm replays per run (the median counts)</li>
 *     <li>{@code benchmark.rounds} (3): measured rounds, each with both modes</li>
 *     <li>{@code benchmark.warmupRounds} (1): rounds run first and left out of the figures</li>
 *     <li>{@code benchmark.poolSize} (20): the application's JDBC pool size (its embedded default)</li>
 *     <li>{@code benchmark.processors} (all that support a reset): comma-separated names of the streaming event
 *     processors to replay (every run prints the names it replays)</li>
 *     <li>{@code benchmark.progressPercent} (20): a progress line every this many percent of a phase</li>
 *     <li>{@code benchmark.seed} (20261129): seed of the generated data</li>
 *     <li>{@code benchmark.workDir} ({@code app/target/benchmark} through Maven): data folders and KEK files of
 *     the runs</li>
 *     <li>{@code benchmark.baseline} (true): each round also runs the bare-Axon baseline
 *     ({@code benchmark.baseline} package, {@link BaselineRun}) on the same server, and the summary gives our
 *     figures as ratios of its (targets: encrypted updates at least 0.8 of it, registrations 0.5)</li>
 *     <li>{@code benchmark.segments} (0: as configured) and {@code benchmark.batchSize} (0: as configured): segments
 *     (and threads) and batch size of the processors named in {@code benchmark.scaledProcessors}
 *     (member-read-models), set through the application's own {@code axon.eventhandling.processors.*}
 *     properties</li>
 *     <li>{@code benchmark.app} (none): further application properties, {@code name=value;name=value}</li>
 *     <li>{@code benchmark.json} ({@code <workDir>/encryption.json}): where the figures are written as JSON</li>
 * </ul>
 * Each command phase also counts its SQL round trips on the sending threads ({@link SqlRoundTrips}) and the summary
 * lists them per command, with the statements behind them.
 * It runs inside Maven's JVM ({@code exec:java}): {@code MAVEN_OPTS} sets its heap and JVM flags.
 *
 * <p>The embedded PostgreSQL of {@link TestPostgres} runs with {@code fsync} and {@code synchronous_commit} off, so a
 * commit costs no disk flush: that makes the cost of encryption a larger share of the total than on a durable
 * server, a conservative setting for this comparison.
 */
public final class EncryptionBenchmark {

    private static final double TARGET_RATIO = 0.90;
    /** Least share of the bare-Axon baseline's throughput the encrypted mode should reach. */
    static final Map<String, Double> BASELINE_TARGETS = Map.of(BenchmarkRun.REGISTER, 0.5, BenchmarkRun.UPDATE, 0.8);
    private static final String[] PHASES = {BenchmarkRun.REGISTER, BenchmarkRun.UPDATE, BenchmarkRun.REPLAY_COLD,
            BenchmarkRun.REPLAY_WARM};

    private EncryptionBenchmark() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
        }
        // Maven's exec:java would otherwise wait for the non-daemon threads the application leaves behind (and hide a
        // failure behind that wait); exiting runs the shutdown hooks, which stop the embedded PostgreSQL.
        System.out.flush();
        System.exit(status);
    }

    private static void run() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        BenchmarkLogging.quiet(settings.workDir());
        long seed = Long.getLong("benchmark.seed", 20261129L);
        System.out.println("== Encryption benchmark: " + settings.describe());
        System.out.println("   " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB, PostgreSQL " + (TestPostgres.external() ? "external" : "embedded") + ", load average "
                + loadAverage());
        List<BenchmarkRun.Result> encrypted = new ArrayList<>();
        List<BenchmarkRun.Result> plain = new ArrayList<>();
        List<BenchmarkRun.Result> baseline = new ArrayList<>();
        int total = settings.warmupRounds() + settings.rounds();
        long started = System.nanoTime();
        for (int round = 0; round < total; round++) {
            boolean warmup = round < settings.warmupRounds();
            String name = warmup ? "warm-up " + (round + 1) : "round " + (round - settings.warmupRounds() + 1);
            boolean encryptedFirst = round % 2 == 0;
            BenchmarkRun.Result[] pair = new BenchmarkRun.Result[2];
            // The baseline goes first in odd rounds and last in even ones, so neither mode always follows it.
            if (settings.baseline() && round % 2 == 1) {
                runBaseline(settings, name, seed + round, warmup, baseline);
            }
            for (boolean mode : new boolean[]{encryptedFirst, !encryptedFirst}) {
                String label = name + " " + (mode ? "encrypted" : "plain");
                // Garbage of the previous run should not be collected on this run's time.
                System.gc();
                BenchmarkRun.Result result = BenchmarkRun.execute(settings, mode, label, seed + round);
                pair[mode ? 0 : 1] = result;
                if (!warmup) {
                    (mode ? encrypted : plain).add(result);
                }
            }
            if (settings.baseline() && round % 2 == 0) {
                runBaseline(settings, name, seed + round, warmup, baseline);
            }
            StringBuilder line = new StringBuilder("== " + name + (warmup ? " (not counted)" : ""))
                    .append(", encrypted/plain:");
            for (String phase : PHASES) {
                PhaseResult enc = pair[0].phases().get(phase);
                PhaseResult off = pair[1].phases().get(phase);
                if (enc.operations() > 0) {
                    line.append(String.format(" %s %,.0f/%,.0f = %.3f;", phase, enc.perSecond(), off.perSecond(),
                            enc.perSecond() / off.perSecond()));
                }
            }
            System.out.println(line.substring(0, line.length() - 1));
        }
        System.out.printf("== Finished in %.0f s, load average %s%n", (System.nanoTime() - started) / 1e9,
                loadAverage());
        printSummary(settings, encrypted, plain);
        if (!baseline.isEmpty()) {
            printBaseline(encrypted, plain, baseline);
        }
        printRoundTrips(encrypted, plain, baseline);
        BenchmarkJson.writeEncryption(settings, encrypted, plain, baseline, (System.nanoTime() - started) / 1e9);
        System.out.println("Figures written to " + settings.jsonFile());
    }

    private static void runBaseline(BenchmarkSettings settings, String name, long seed, boolean warmup,
                                    List<BenchmarkRun.Result> baseline) {
        System.gc();
        BenchmarkRun.Result result = BaselineRun.execute(settings, name + " bare Axon", seed);
        if (!warmup) {
            baseline.add(result);
        }
    }

    /** Our figures as ratios of the bare-Axon baseline's, each round's runs paired. */
    private static void printBaseline(List<BenchmarkRun.Result> encrypted, List<BenchmarkRun.Result> plain,
                                      List<BenchmarkRun.Result> baseline) {
        System.out.println();
        System.out.printf("%-26s %22s %12s %12s %10s%n", "bare Axon baseline", "baseline (min-max)", "enc/base",
                "plain/base", "target");
        for (String phase : new String[]{BenchmarkRun.REGISTER, BenchmarkRun.UPDATE, BenchmarkRun.REPLAY_WARM}) {
            String unit = phase.startsWith("replay") ? "events/s" : "commands/s";
            double enc = pairedRatio(encrypted, baseline, phase);
            double off = pairedRatio(plain, baseline, phase);
            Double target = BASELINE_TARGETS.get(phase);
            System.out.printf("%-26s %22s %12.3f %12.3f %10s%n", phase + " " + unit,
                    spread(baseline, phase, PhaseResult::perSecond, "%,.0f"), enc, off,
                    target == null ? "-" : (enc >= target ? "met" : "MISSED") + " " + target);
        }
        System.out.println("(bare Axon: one event-sourced aggregate of six fields, one tracking JDBC projection, "
                + "plain Jackson, same database server and concurrency; enc/base and plain/base are medians of the "
                + "per-round ratios)");
    }

    /** SQL round trips per command on the command path, and what they are (encrypted mode, all measured rounds). */
    private static void printRoundTrips(List<BenchmarkRun.Result> encrypted, List<BenchmarkRun.Result> plain,
                                        List<BenchmarkRun.Result> baseline) {
        System.out.println();
        System.out.printf("%-26s %12s %12s %12s%n", "SQL round trips/command", "encrypted", "plain", "bare Axon");
        for (String phase : new String[]{BenchmarkRun.REGISTER, BenchmarkRun.UPDATE}) {
            System.out.printf("%-26s %12.2f %12.2f %12s%n", phase, medianRoundTrips(encrypted, phase),
                    medianRoundTrips(plain, phase), baseline.isEmpty() ? "-"
                            : String.format("%.2f", medianRoundTrips(baseline, phase)));
        }
        for (String phase : new String[]{BenchmarkRun.REGISTER, BenchmarkRun.UPDATE}) {
            System.out.println("Statements per " + phase + " command (encrypted, first measured round):");
            BenchmarkRun.Result first = encrypted.get(0);
            long commands = first.phases().get(phase).operations();
            first.statements().get(phase).forEach((sql, count) -> {
                if (count * 100 >= commands) {
                    System.out.printf("  %6.2f  %s%n", (double) count / commands, sql);
                }
            });
        }
    }

    private static double medianRoundTrips(List<BenchmarkRun.Result> results, String phase) {
        return median(results.stream().mapToDouble(r -> r.roundTripsPerCommand(phase)).sorted().toArray());
    }

    private static void printSummary(BenchmarkSettings settings, List<BenchmarkRun.Result> encrypted,
                                     List<BenchmarkRun.Result> plain) {
        BenchmarkRun.Result sample = encrypted.get(0);
        System.out.println();
        System.out.printf("== Summary: medians of %d measured round(s) per mode; %d members, %d events per run; "
                        + "%d commands in flight; replayed: %s%n", encrypted.size(), sample.members(), sample.events(),
                settings.concurrency(), String.join(", ", sample.replayed()));
        List<String> phases = Arrays.stream(PHASES).filter(p -> sample.phases().get(p).operations() > 0).toList();
        System.out.printf("%-26s %22s %22s %10s %10s%n", "", "encrypted (min-max)", "plain (min-max)", "enc/plain",
                "target");
        for (String phase : phases) {
            String unit = phase.startsWith("replay") ? "events/s" : "commands/s";
            double ratio = pairedRatio(encrypted, plain, phase);
            System.out.printf("%-26s %22s %22s %10.3f %10s%n", phase + " " + unit,
                    spread(encrypted, phase, PhaseResult::perSecond, "%,.0f"),
                    spread(plain, phase, PhaseResult::perSecond, "%,.0f"), ratio,
                    ratio >= TARGET_RATIO ? "met" : "MISSED");
        }
        System.out.println("(enc/plain is the median of the per-round ratios, each round running both modes on the "
                + "same data; target: >= " + TARGET_RATIO + ". Throughput moves with whatever else the machine runs; "
                + "the CPU costs below move less.)");

        System.out.println();
        System.out.printf("%-26s %22s %22s %10s%n", "cost per command or event", "encrypted", "plain", "plain/enc");
        for (String phase : phases) {
            double encryptedJvm = median(encrypted, phase, PhaseResult::jvmMicrosPerOperation);
            double plainJvm = median(plain, phase, PhaseResult::jvmMicrosPerOperation);
            System.out.printf("%-26s %22s %22s%n", phase + " JVM CPU us", format(encryptedJvm, "%.0f"),
                    format(plainJvm, "%.0f"));
            if (sample.postgresCpuSeen()) {
                double encryptedPostgres = median(encrypted, phase, PhaseResult::postgresMicrosPerOperation);
                double plainPostgres = median(plain, phase, PhaseResult::postgresMicrosPerOperation);
                System.out.printf("%-26s %22s %22s%n", phase + " PostgreSQL CPU us", format(encryptedPostgres, "%.0f"),
                        format(plainPostgres, "%.0f"));
                // What the ratio would be where CPU is the bottleneck; less swayed by other load than throughput.
                System.out.printf("%-26s %22s %22s %10.3f%n", phase + " total CPU us",
                        format(encryptedJvm + encryptedPostgres, "%.0f"), format(plainJvm + plainPostgres, "%.0f"),
                        (plainJvm + plainPostgres) / (encryptedJvm + encryptedPostgres));
            }
        }
        for (String phase : new String[]{BenchmarkRun.REGISTER, BenchmarkRun.UPDATE}) {
            if (phases.contains(phase)) {
                System.out.printf("%-26s %22s %22s%n", phase + " latency p50/p99 ms",
                        latency(encrypted, phase), latency(plain, phase));
            }
        }
        System.out.printf("%-26s %22.0f %22.0f%n", "stored payload bytes/event",
                median(encrypted.stream().mapToDouble(BenchmarkRun.Result::averagePayloadBytes).sorted().toArray()),
                median(plain.stream().mapToDouble(BenchmarkRun.Result::averagePayloadBytes).sorted().toArray()));
        System.out.printf("%-26s %22.2f %22s%n", "subject keys per member",
                (double) sample.subjectKeys() / sample.members(), "-");

        System.out.println();
        System.out.println("Key cache of the encrypted runs (SubjectKeyVault.cacheStats(), summed over measured "
                + "rounds; a replay's figures are those of its median repeat):");
        System.out.printf("%-14s %12s %12s %10s %14s %12s%n", "phase", "hits", "misses", "hit rate", "avg load ms",
                "evictions");
        for (String phase : phases) {
            CacheStats stats = CacheStats.empty();
            for (BenchmarkRun.Result result : encrypted) {
                stats = stats.plus(result.phases().get(phase).keyCache());
            }
            printCacheStats(phase, stats);
        }
        CacheStats total = CacheStats.empty();
        for (BenchmarkRun.Result result : encrypted) {
            total = total.plus(result.keyCacheTotal());
        }
        printCacheStats("whole runs", total);
    }

    private static void printCacheStats(String name, CacheStats stats) {
        System.out.printf("%-14s %,12d %,12d %9.1f%% %14.3f %,12d%n", name, stats.hitCount(), stats.missCount(),
                stats.requestCount() == 0 ? 0.0 : 100.0 * stats.hitRate(), stats.averageLoadPenalty() / 1e6,
                stats.evictionCount());
    }

    static String spread(List<BenchmarkRun.Result> results, String phase,
                                 ToDoubleFunction<PhaseResult> metric, String format) {
        double[] values = values(results, phase, metric);
        return String.format(format + " (" + format + "-" + format + ")", median(values), values[0],
                values[values.length - 1]);
    }

    private static String latency(List<BenchmarkRun.Result> results, String phase) {
        return String.format("%.2f / %.2f", median(results, phase, r -> r.p50Nanos() / 1e6),
                median(results, phase, r -> r.p99Nanos() / 1e6));
    }

    static double pairedRatio(List<BenchmarkRun.Result> encrypted, List<BenchmarkRun.Result> plain,
                                      String phase) {
        double[] ratios = new double[encrypted.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = encrypted.get(i).phases().get(phase).perSecond() / plain.get(i).phases().get(phase).perSecond();
        }
        Arrays.sort(ratios);
        return median(ratios);
    }

    static double median(List<BenchmarkRun.Result> results, String phase,
                                 ToDoubleFunction<PhaseResult> metric) {
        return median(values(results, phase, metric));
    }

    private static double[] values(List<BenchmarkRun.Result> results, String phase,
                                   ToDoubleFunction<PhaseResult> metric) {
        return results.stream().map(r -> r.phases().get(phase)).mapToDouble(metric).sorted().toArray();
    }

    /** The median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(format, value);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
