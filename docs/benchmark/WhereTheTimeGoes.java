import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a JFR recording's CPU samples go, by layer of this application. Run with the JDK's source launcher:
 * {@code java docs/benchmark/WhereTheTimeGoes.java recording.jfr 'WorkPackage|Coordinator' 14:17:00 14:24:50}
 * (thread-name pattern and UTC times of day optional). Each sample counts for the first layer met walking its stack
 * from the top frame down: a sample in a HashMap called from Jackson counts for Jackson. Reads the recording directly,
 * since {@code jfr print} stops on some frames of long recordings.
 */
public class WhereTheTimeGoes {

    private static final List<Map.Entry<String, List<String>>> LAYERS = List.of(
            Map.entry("AES-GCM / Tink (decrypt, keys)", List.of("com.google.crypto.tink", "javax.crypto", "com.sun.crypto",
                    "sun.security")),
            Map.entry("PostgreSQL driver (JDBC I/O, parsing)", List.of("org.postgresql")),
            Map.entry("Hikari / Spring transactions / JdbcTemplate", List.of("com.zaxxer", "org.springframework.jdbc",
                    "org.springframework.transaction")),
            Map.entry("Jackson (payloads, metadata)", List.of("com.fasterxml.jackson")),
            Map.entry("Micrometer", List.of("io.micrometer", "org.HdrHistogram")),
            Map.entry("keys module (serializer, vault; not crypto)", List.of("com.matchmaking.keys")),
            Map.entry("read-model projections", List.of("com.matchmaking.readmodels")),
            Map.entry("app (storage filters, dead letters, sequencing)", List.of("com.matchmaking.app")),
            Map.entry("Axon (processors, unit of work, tokens)", List.of("org.axonframework")));

    public static void main(String[] args) throws Exception {
        Pattern threads = Pattern.compile(args.length > 1 ? args[1] : ".");
        LocalTime start = args.length > 2 ? LocalTime.parse(args[2]) : LocalTime.MIN;
        LocalTime end = args.length > 3 ? LocalTime.parse(args[3]) : LocalTime.MAX;
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> tops = new HashMap<>();
        Map<String, Integer> threadNames = new HashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                LocalTime at = LocalTime.ofInstant(event.getStartTime(), ZoneOffset.UTC);
                String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
                if (thread == null || at.isBefore(start) || at.isAfter(end) || !threads.matcher(thread).find()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                total++;
                threadNames.merge(thread.replaceAll("\\d+", "N"), 1, Integer::sum);
                tops.merge(name(frames.get(0)), 1, Integer::sum);
                layers.merge(layer(frames), 1, Integer::sum);
            }
        }
        System.out.println("samples: " + total);
        print(layers, total, 20);
        System.out.println("-- hottest top frames");
        print(tops, total, 25);
        System.out.println("-- threads");
        print(threadNames, total, 12);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> layer : LAYERS) {
                if (layer.getValue().stream().anyMatch(type::startsWith)) {
                    return layer.getKey();
                }
            }
        }
        return "JDK / other";
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
