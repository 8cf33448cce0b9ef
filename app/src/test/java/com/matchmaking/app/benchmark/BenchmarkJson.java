package com.matchmaking.app.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.matchmaking.keys.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the benchmarks' figures as JSON, beside what they print, for the README's tables and for comparisons. */
final class BenchmarkJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkJson() {
    }

    /** Where and on what the figures were taken. */
    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("measuredAt", Instant.now().toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1 << 20));
        machine.put("postgres", TestPostgres.external() ? "external" : "embedded");
        try {
            machine.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
        } catch (IOException | RuntimeException e) {
            machine.put("loadAverage", "n/a");
        }
        return machine;
    }

    static void writeEncryption(BenchmarkSettings settings, List<BenchmarkRun.Result> encrypted,
                                List<BenchmarkRun.Result> plain, List<BenchmarkRun.Result> baseline, double seconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "encryption");
        root.put("machine", machine());
        root.put("settings", settings.describe());
        root.put("seconds", Math.round(seconds));
        root.put("measuredRounds", encrypted.size());
        Map<String, Object> phases = new LinkedHashMap<>();
        for (String phase : new String[]{BenchmarkRun.REGISTER, BenchmarkRun.UPDATE, BenchmarkRun.REPLAY_COLD,
                BenchmarkRun.REPLAY_WARM}) {
            if (encrypted.get(0).phases().get(phase).operations() == 0) {
                continue;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("unit", phase.startsWith("replay") ? "events/s" : "commands/s");
            figures.put("encrypted", mode(encrypted, phase));
            figures.put("plain", mode(plain, phase));
            double ratio = EncryptionBenchmark.pairedRatio(encrypted, plain, phase);
            figures.put("encryptedPerPlain", round(ratio));
            figures.put("encryptedPerPlainTarget", 0.90);
            figures.put("encryptedPerPlainMet", ratio >= 0.90);
            boolean inBaseline = !baseline.isEmpty() && baseline.get(0).phases().containsKey(phase);
            if (inBaseline) {
                figures.put("bareAxon", mode(baseline, phase));
                double vsBaseline = EncryptionBenchmark.pairedRatio(encrypted, baseline, phase);
                figures.put("encryptedPerBareAxon", round(vsBaseline));
                figures.put("plainPerBareAxon", round(EncryptionBenchmark.pairedRatio(plain, baseline, phase)));
                Double target = EncryptionBenchmark.BASELINE_TARGETS.get(phase);
                if (target != null) {
                    figures.put("encryptedPerBareAxonTarget", target);
                    figures.put("encryptedPerBareAxonMet", vsBaseline >= target);
                }
            }
            phases.put(phase, figures);
        }
        root.put("phases", phases);
        write(settings.jsonFile(), root);
    }

    private static Map<String, Object> mode(List<BenchmarkRun.Result> results, String phase) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double[] values = results.stream().mapToDouble(r -> r.phases().get(phase).perSecond()).sorted().toArray();
        figures.put("median", round(EncryptionBenchmark.median(values)));
        figures.put("min", round(values[0]));
        figures.put("max", round(values[values.length - 1]));
        figures.put("jvmCpuMicrosPerOperation",
                round(EncryptionBenchmark.median(results, phase, PhaseResult::jvmMicrosPerOperation)));
        figures.put("postgresCpuMicrosPerOperation",
                round(EncryptionBenchmark.median(results, phase, PhaseResult::postgresMicrosPerOperation)));
        if (!phase.startsWith("replay")) {
            figures.put("p50Millis", round(EncryptionBenchmark.median(results, phase, r -> r.p50Nanos() / 1e6)));
            figures.put("p99Millis", round(EncryptionBenchmark.median(results, phase, r -> r.p99Nanos() / 1e6)));
            figures.put("sqlRoundTripsPerCommand", round(EncryptionBenchmark.median(results.stream()
                    .mapToDouble(r -> r.roundTripsPerCommand(phase)).sorted().toArray())));
        }
        return figures;
    }

    static double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? -1 : Math.round(value * 1000) / 1000.0;
    }

    static void write(Path file, Object root) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
