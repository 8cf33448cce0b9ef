package com.matchmaking.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.app.audit.AuditChain;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.member.MemberRegistered;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.ProfileField;
import com.matchmaking.schema.member.ProfileUpdated;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The benchmark at scale, encrypted (the application as it runs in production): export time of a member with 1,000
 * events, erasure latency from request to every store purged with the cooling-off period at zero, and replays of
 * every read model at growing store sizes (100,000 and 1,000,000 events by default), the store filled by appending
 * generated events in bulk through the application's event storage engine (serialized, so encrypted, by its real
 * serializer, under keys it creates) rather than through commands. Prints a table, writes the figures to a JSON file
 * and a PNG chart of replay events/s against store size.
 *
 * <pre>
 * mvn -q -Pbenchmark -DskipTests -pl app -am test -Dbenchmark.main=com.matchmaking.app.benchmark.ScaleBenchmark
 * mvn -q -Pbenchmark -DskipTests -pl app -am test -Dbenchmark.main=com.matchmaking.app.benchmark.ScaleBenchmark -Dbenchmark.sizes=20000,50000 -Dbenchmark.erasures=20 -Dbenchmark.exports=5
 * </pre>
 *
 * <p>Parameters (system properties):
 * <ul>
 *     <li>{@code benchmark.sizes} (100000,1000000): store sizes, in events, at which every read model is replayed;
 *     ascending, the store grows from one to the next</li>
 *     <li>{@code benchmark.eventsPerMember} (10): events of each generated member (a registration, then profile
 *     changes of one to three fields)</li>
 *     <li>{@code benchmark.appendBatch} (2000): generated events appended per transaction</li>
 *     <li>{@code benchmark.segments} (0: the application's setting) and {@code benchmark.batchSize} (0: the
 *     application's setting): segments (and threads) and batch size of the processors in
 *     {@code benchmark.scaledProcessors} (member-read-models), passed as the application's own
 *     {@code axon.eventhandling.processors.*} properties; {@code benchmark.app} adds any other property
 *     ({@code name=value;name=value})</li>
 *     <li>{@code benchmark.erasures} (100): members erased one after the other, each timed from the
 *     {@code requestErasure} mutation until their keys, snapshots, login, activity row and every member read model
 *     row are gone</li>
 *     <li>{@code benchmark.erasureUpdates} (26): profile changes of each member before the erasure, so that it has a
 *     snapshot to purge</li>
 *     <li>{@code benchmark.exportEvents} (1000): events of the exported member; {@code benchmark.exports} (20):
 *     timed {@code myDataExport} queries over HTTP (each adds one access event to the member)</li>
 *     <li>{@code benchmark.poolSize} (20), {@code benchmark.concurrency} (8), {@code benchmark.seed}, as in
 *     {@link EncryptionBenchmark}</li>
 *     <li>{@code benchmark.json} ({@code <workDir>/scale.json}) and {@code benchmark.chart}
 *     ({@code <workDir>/replay-scale.png}): where the figures go</li>
 * </ul>
 */
public final class ScaleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-member-password";
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(300);
    /** What an erasure must empty, each checked to hold the member's rows before: name and member-id column. */
    private static final List<String[]> PURGED = List.of(
            new String[]{"subject_key", "subject_id"},
            new String[]{"account", "account_id"},
            new String[]{"member_activity", "member_id"},
            new String[]{"service_member_card", "member_id"},
            new String[]{"matchmaker_member_card", "member_id"},
            new String[]{"matching_profile", "member_id"},
            new String[]{"analytics_member", "member_id"});

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    private final List<Long> sizes = BenchmarkSettings.list("benchmark.sizes", "100000,1000000").stream()
            .map(s -> Long.parseLong(s.replace("_", ""))).sorted().toList();
    private final int eventsPerMember = BenchmarkSettings.intProperty("benchmark.eventsPerMember", 10);
    private final int appendBatch = BenchmarkSettings.intProperty("benchmark.appendBatch", 2000);
    private final int erasures = BenchmarkSettings.intProperty("benchmark.erasures", 100);
    private final int erasureUpdates = BenchmarkSettings.intProperty("benchmark.erasureUpdates", 26);
    private final int exportEvents = BenchmarkSettings.intProperty("benchmark.exportEvents", 1000);
    private final int exports = BenchmarkSettings.intProperty("benchmark.exports", 20);
    private final long seed = Long.getLong("benchmark.seed", 20261129L);
    private final Path jsonFile = Path.of(System.getProperty("benchmark.json",
            settings.workDir().resolve("scale.json").toString()));
    private final Path chartFile = Path.of(System.getProperty("benchmark.chart",
            settings.workDir().resolve("replay-scale.png").toString()));

    private ConfigurableApplicationContext context;
    private CommandGateway gateway;
    private JdbcTemplate jdbc;
    private SubjectKeyVault vault;
    private CpuClock cpu;
    private HttpClient http;
    private URI endpoint;
    private List<StreamingEventProcessor> readModels;
    private MemberGenerator generator;
    private int generated;

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        ScaleBenchmark benchmark = new ScaleBenchmark();
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
        } finally {
            if (benchmark.context != null) {
                benchmark.context.close();
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private void run() throws Exception {
        BenchmarkLogging.quiet(settings.workDir());
        System.setProperty("java.awt.headless", "true");
        System.out.printf("== Scale benchmark: sizes %s, %d events per generated member, %d erasures, export of a "
                        + "member with %d events; %s%n", sizes, eventsPerMember, erasures, exportEvents,
                settings.describeProcessing());
        System.out.println("   " + BenchmarkJson.machine());
        long started = System.nanoTime();
        start();
        generator = new MemberGenerator(seed, Long.toString(seed & 0xffffff, 36));
        String passwordHash = context.getBean(PasswordEncoder.class).encode(PASSWORD);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "scale");
        root.put("machine", BenchmarkJson.machine());
        root.put("settings", settings.describeProcessing());
        root.put("export", export(passwordHash));
        root.put("erasure", erasure(passwordHash));
        List<Map<String, Object>> replays = new ArrayList<>();
        for (long size : sizes) {
            replays.add(replayAt(size));
            root.put("replay", replays);
            BenchmarkJson.write(jsonFile, root);
        }
        root.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
        BenchmarkJson.write(jsonFile, root);
        chart(replays);
        print(root);
        System.out.println("Figures written to " + jsonFile + ", chart to " + chartFile);
    }

    private void start() throws IOException {
        TestPostgres.Database database = TestPostgres.createDatabase("bench_scale");
        Path dataDir = settings.workDir().resolve(database.name());
        Files.createDirectories(dataDir);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--spring.datasource.hikari.maximum-pool-size=" + settings.poolSize(),
                "--matchmaking.data-dir=" + dataDir,
                "--matchmaking.keys.kek-file=" + dataDir.resolve("kek.json"),
                "--matchmaking.tls.mode=off",
                "--matchmaking.erasure.grace-period=PT0S",
                "--matchmaking.auth.bcrypt-strength=4",
                // The benchmark exports one member many times and runs at any hour: the risk rules would stop it.
                "--matchmaking.risk.export-volume.max=1000000",
                "--matchmaking.risk.working-hours.enabled=false",
                // Every member of the erasure phase logs in from this one client: the per-client limits would refuse it.
                "--matchmaking.rate-limit.login.capacity=1000000",
                "--matchmaking.rate-limit.registration.capacity=1000000",
                // A slow export is a figure to report, not a request to cut off.
                "--matchmaking.graphql.timeout=PT5M",
                "--spring.mvc.async.request-timeout=PT6M",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        arguments.addAll(settings.applicationArguments());
        long started = System.nanoTime();
        context = new SpringApplicationBuilder(MatchmakingApplication.class).logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
        gateway = context.getBean(CommandGateway.class);
        DataSource dataSource = context.getBean(DataSource.class);
        jdbc = new JdbcTemplate(dataSource);
        vault = context.getBean(SubjectKeyVault.class);
        cpu = CpuClock.forServerOf(dataSource);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        endpoint = URI.create("http://localhost:" + port + "/graphql");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, EventProcessor> processors = context.getBean(org.axonframework.config.Configuration.class)
                .eventProcessingConfiguration().eventProcessors();
        readModels = processors.values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).filter(StreamingEventProcessor::supportsReset)
                .filter(p -> settings.processors().isEmpty() || settings.processors().contains(p.getName()))
                .sorted(java.util.Comparator.comparing(EventProcessor::getName)).toList();
        say("application up in %.1f s on database %s; read models: %s; processor settings: %s",
                (System.nanoTime() - started) / 1e9, database.name(),
                readModels.stream().map(p -> p.getName() + "/" + p.getClass().getSimpleName()).toList(),
                settings.applicationArguments());
    }

    // ---- export ---------------------------------------------------------------------------------------------------

    private Map<String, Object> export(String passwordHash) throws Exception {
        RegisterMember registration = registration(passwordHash);
        UUID member = registration.memberId();
        send(registration, member, "registration");
        say("export: giving one member %,d events", exportEvents);
        long step = Math.max(1, (long) exportEvents * settings.progressPercent() / 100);
        for (int i = 1; i < exportEvents; i++) {
            send(update(member, i), member, "self-service");
            if (i % step == 0) {
                say("export: %,d/%,d events", i + 1, exportEvents);
            }
        }
        String token = login(registration.profile().email());
        long events = countEvents(member);
        long[] nanos = new long[exports];
        int historyEntries = 0;
        for (int i = 0; i < exports; i++) {
            long sent = System.nanoTime();
            JsonNode document = graphql(token, "{ myDataExport }", Map.of()).get("myDataExport");
            nanos[i] = System.nanoTime() - sent;
            historyEntries = document.get("history").size();
            // The email is personal, encrypted in every event, and the one value the profile changes leave alone.
            if (!registration.profile().email().equals(document.at("/profile/email").asText())) {
                throw new IllegalStateException("The export does not hold the member's decrypted profile");
            }
        }
        if (historyEntries < exportEvents) {
            throw new IllegalStateException("The export's history holds " + historyEntries + " entries, expected "
                    + exportEvents);
        }
        Arrays.sort(nanos);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("memberEvents", events);
        result.put("exports", exports);
        result.put("p50Millis", BenchmarkJson.round(percentile(nanos, 50) / 1e6));
        result.put("p99Millis", BenchmarkJson.round(percentile(nanos, 99) / 1e6));
        result.put("maxMillis", BenchmarkJson.round(nanos[nanos.length - 1] / 1e6));
        result.put("targetMillis", 200);
        result.put("met", percentile(nanos, 50) / 1e6 < 200);
        say("export of a member with %,d events (myDataExport over HTTP, %d times): p50 %.1f ms, p99 %.1f ms",
                events, exports, percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
        return result;
    }

    // ---- erasure --------------------------------------------------------------------------------------------------

    private Map<String, Object> erasure(String passwordHash) throws Exception {
        say("erasure: registering %d members with %d profile changes each", erasures, erasureUpdates);
        List<RegisterMember> members = new ArrayList<>();
        for (int i = 0; i < erasures; i++) {
            RegisterMember registration = registration(passwordHash);
            send(registration, registration.memberId(), "registration");
            for (int u = 1; u <= erasureUpdates; u++) {
                send(update(registration.memberId(), u), registration.memberId(), "self-service");
            }
            members.add(registration);
            if ((i + 1) % Math.max(1, erasures * settings.progressPercent() / 100) == 0) {
                say("erasure: %d/%d members registered", i + 1, erasures);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (RegisterMember member : members) {
            tokens.add(login(member.profile().email()));
        }
        awaitCaughtUp();
        long[] purged = new long[erasures];
        long[] answered = new long[erasures];
        int withSnapshot = 0;
        for (int i = 0; i < erasures; i++) {
            UUID member = members.get(i).memberId();
            for (String[] table : PURGED) {
                if (rows(table, member) == 0) {
                    throw new IllegalStateException("Before the erasure, " + table[0] + " holds no row of the member: "
                            + "the erasure check would prove nothing");
                }
            }
            withSnapshot += snapshots(member) > 0 ? 1 : 0;
            long sent = System.nanoTime();
            JsonNode status = graphql(tokens.get(i), "mutation { requestErasure { state } }", Map.of());
            answered[i] = System.nanoTime() - sent;
            if (!"ERASED".equals(status.at("/requestErasure/state").asText())) {
                throw new IllegalStateException("requestErasure answered " + status + " with no cooling-off period");
            }
            long lastMove = System.nanoTime();
            while (remaining(member) > 0) {
                if (System.nanoTime() - lastMove > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("The erasure of a member left rows behind for " + STALL_TIMEOUT);
                }
                Thread.sleep(1);
            }
            purged[i] = System.nanoTime() - sent;
            if ((i + 1) % Math.max(1, erasures * settings.progressPercent() / 100) == 0 && i + 1 < erasures) {
                say("erasure %d/%d", i + 1, erasures);
            }
        }
        Arrays.sort(purged);
        Arrays.sort(answered);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("erasures", erasures);
        result.put("withSnapshot", withSnapshot);
        result.put("purgedP50Millis", BenchmarkJson.round(percentile(purged, 50) / 1e6));
        result.put("purgedP99Millis", BenchmarkJson.round(percentile(purged, 99) / 1e6));
        result.put("purgedMaxMillis", BenchmarkJson.round(purged[purged.length - 1] / 1e6));
        result.put("answeredP50Millis", BenchmarkJson.round(percentile(answered, 50) / 1e6));
        result.put("answeredP99Millis", BenchmarkJson.round(percentile(answered, 99) / 1e6));
        result.put("targetP99Millis", 1000);
        result.put("met", percentile(purged, 99) / 1e6 < 1000);
        say("erasure, request to every store purged (%d members, %d with a snapshot): p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms; the mutation answered in p50 %.1f ms, p99 %.1f ms", erasures, withSnapshot,
                percentile(purged, 50) / 1e6, percentile(purged, 99) / 1e6, purged[purged.length - 1] / 1e6,
                percentile(answered, 50) / 1e6, percentile(answered, 99) / 1e6);
        return result;
    }

    private long rows(String[] table, UUID member) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table[0] + " WHERE " + table[1] + " = ?",
                Long.class, member);
        return count == null ? 0 : count;
    }

    private long snapshots(UUID member) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, member.toString());
        return count == null ? 0 : count;
    }

    /** The member's rows left in every purged store, in one round trip. */
    private long remaining(UUID member) {
        StringBuilder sql = new StringBuilder("SELECT (SELECT count(*) FROM snapshot_event_entry WHERE "
                + "aggregate_identifier = ?::text)");
        for (String[] table : PURGED) {
            sql.append(" + (SELECT count(*) FROM ").append(table[0]).append(" WHERE ").append(table[1])
                    .append(" = ?::uuid)");
        }
        Object[] arguments = new Object[PURGED.size() + 1];
        Arrays.fill(arguments, member.toString());
        Long count = jdbc.queryForObject(sql.toString(), Long.class, arguments);
        return count == null ? 0 : count;
    }

    // ---- replay at scale ------------------------------------------------------------------------------------------

    private Map<String, Object> replayAt(long size) throws Exception {
        long stored = storedEvents();
        readModels.stream().map(StreamingEventProcessor::shutdownAsync).toList()
                .forEach(java.util.concurrent.CompletableFuture::join);
        if (size > stored) {
            append(size - stored);
        }
        long sealed = context.getBean(AuditChain.class).seal();
        long events = storedEvents();
        long head = context.getBean(EventStore.class).createHeadToken().position().orElseThrow();
        readModels.forEach(StreamingEventProcessor::resetTokens);
        vault.evictAll();
        say("replay at %,d events (audit chain sealed %,d new events first): every read model from empty, key cache "
                + "emptied", events, sealed);
        var cacheBefore = vault.cacheStats();
        CpuClock.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        readModels.forEach(StreamingEventProcessor::start);
        awaitPosition(head, started, events);
        long nanos = System.nanoTime() - started;
        CpuClock.Reading used = cpu.read().minus(cpuBefore);
        var keys = vault.cacheStats().minus(cacheBefore);
        Long deadLetters = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        if (deadLetters != null && deadLetters > 0) {
            throw new IllegalStateException("The replay left " + deadLetters + " dead letters");
        }
        if (keys.missCount() < Math.min(generated, 1)) {
            throw new IllegalStateException("The replay looked up no member keys: it decrypted nothing");
        }
        double perSecond = events * 1e9 / nanos;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", events);
        result.put("seconds", BenchmarkJson.round(nanos / 1e9));
        result.put("eventsPerSecond", BenchmarkJson.round(perSecond));
        result.put("jvmCpuMicrosPerEvent", BenchmarkJson.round(used.jvmNanos() / 1e3 / events));
        result.put("postgresCpuMicrosPerEvent", used.postgresNanos() < 0 ? -1
                : BenchmarkJson.round(used.postgresNanos() / 1e3 / events));
        result.put("keyLookups", keys.missCount());
        result.put("processors", readModels.stream().map(p -> p.getName() + "/" + p.getClass().getSimpleName()
                + "/" + p.processingStatus().size() + " segments").toList());
        result.put("targetEventsPerSecond", 8000);
        result.put("met", perSecond >= 8000);
        say("replay at %,d events: %.1f s = %,.0f events/s; CPU per event %.0f us JVM, %.0f us PostgreSQL; %,d "
                        + "members' keys looked up", events, nanos / 1e9, perSecond, used.jvmNanos() / 1e3 / events,
                used.postgresNanos() / 1e3 / events, keys.missCount());
        return result;
    }

    /**
     * Appends generated members' events in bulk through the application's storage engine, in transactions of
     * {@code appendBatch} events: each member a registration and profile changes, serialized (encrypted) by the
     * application's serializer, which creates the member's keys in the same transaction.
     */
    private void append(long count) {
        EventStorageEngine storage = context.getBean(EventStorageEngine.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        String aggregateType = jdbc.queryForObject("SELECT type FROM domain_event_entry WHERE payload_type = ? LIMIT 1",
                String.class, MemberRegistered.class.getName());
        Instant now = Instant.now();
        List<DomainEventMessage<?>> batch = new ArrayList<>(appendBatch + eventsPerMember);
        long appended = 0;
        long step = Math.max(1, count * settings.progressPercent() / 100);
        long nextMark = step;
        long started = System.nanoTime();
        say("appending %,d generated events in bulk", count);
        while (appended < count) {
            RegisterMember registration = generator.registration(1_000_000 + generated++, now);
            UUID member = registration.memberId();
            MetaData metaData = MetaData.from(Map.of("actorId", member.toString(), "actorRole", "MEMBER",
                    "purpose", "registration", "origin", "benchmark"));
            Profile profile = registration.profile();
            batch.add(new GenericDomainEventMessage<>(aggregateType, member.toString(), 0,
                    new MemberRegistered(member, profile, registration.passwordHash(),
                            registration.acceptedPrivacyPolicyVersion(), registration.consents(), now,
                            registration.acceptedPrivacyPolicyLanguage(), registration.acceptedPrivacyPolicyTextHash()),
                    metaData));
            int perMember = (int) Math.min(eventsPerMember, count - appended);
            for (int sequence = 1; sequence < perMember; sequence++) {
                UpdateProfile update = generator.update(member, sequence, now);
                Profile changed = update.patch().applyTo(profile);
                Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
                for (ProfileField field : update.patch().fields()) {
                    if (!java.util.Objects.equals(changed.value(field), profile.value(field))) {
                        fields.add(field);
                    }
                }
                profile = changed;
                batch.add(new GenericDomainEventMessage<>(aggregateType, member.toString(), sequence,
                        new ProfileUpdated(member, changed, fields, now), metaData.and("purpose", "self-service")));
            }
            appended += perMember;
            if (batch.size() >= appendBatch || appended >= count) {
                List<DomainEventMessage<?>> events = List.copyOf(batch);
                transactions.executeWithoutResult(status -> storage.appendEvents(events));
                batch.clear();
            }
            if (appended >= nextMark && appended < count) {
                double seconds = (System.nanoTime() - started) / 1e9;
                say("append %3d%% %,d/%,d  %,.0f events/s  %.0f s", appended * 100 / count, appended, count,
                        appended / seconds, seconds);
                nextMark += step;
            }
        }
        say("appended %,d events in %.1f s", count, (System.nanoTime() - started) / 1e9);
    }

    private void awaitPosition(long head, long started, long events) throws InterruptedException {
        long lastPosition = Long.MIN_VALUE;
        long lastMove = System.nanoTime();
        long step = Math.max(1, head * settings.progressPercent() / 100);
        long nextMark = step;
        while (true) {
            long lowest = Long.MAX_VALUE;
            boolean any = true;
            for (StreamingEventProcessor processor : readModels) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                any &= !status.isEmpty();
                for (EventTrackerStatus segment : status.values()) {
                    if (segment.isErrorState()) {
                        throw new IllegalStateException(processor.getName() + " failed", segment.getError());
                    }
                    lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
                }
            }
            if (any && lowest >= head) {
                return;
            }
            if (any && lowest != lastPosition) {
                lastPosition = lowest;
                lastMove = System.nanoTime();
                if (started > 0 && lowest >= nextMark && lowest < head) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    say("replay %3d%% (slowest segment at %,d of %,d)  ~%,.0f events/s  %.0f s", lowest * 100 / head,
                            lowest, head, (double) lowest / head * events / seconds, seconds);
                    nextMark = (lowest / step + 1) * step;
                }
            } else if (System.nanoTime() - lastMove > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("The read models made no progress for " + STALL_TIMEOUT);
            }
            Thread.sleep(5);
        }
    }

    private void awaitCaughtUp() throws InterruptedException {
        awaitPosition(context.getBean(EventStore.class).createHeadToken().position().orElseThrow(), 0, 0);
    }

    // ---- output ---------------------------------------------------------------------------------------------------

    private void chart(List<Map<String, Object>> replays) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(480)
                .title("Replay of every read model, encrypted, from empty")
                .xAxisTitle("events in the store").yAxisTitle("events/s").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendVisible(true);
        List<Double> x = replays.stream().map(r -> ((Number) r.get("events")).doubleValue()).toList();
        List<Double> y = replays.stream().map(r -> ((Number) r.get("eventsPerSecond")).doubleValue()).toList();
        chart.addSeries("measured", x, y).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("target (8,000 events/s)", List.of(x.get(0), x.get(x.size() - 1)), List.of(8000.0, 8000.0))
                .setMarker(SeriesMarkers.NONE);
        Files.createDirectories(chartFile.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, chartFile.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> root) {
        System.out.println();
        System.out.println("== Summary (encrypted)");
        Map<String, Object> export = (Map<String, Object>) root.get("export");
        Map<String, Object> erasure = (Map<String, Object>) root.get("erasure");
        System.out.printf("%-52s %s%n", "export of a member with " + export.get("memberEvents") + " events",
                "p50 " + export.get("p50Millis") + " ms, p99 " + export.get("p99Millis") + " ms (target < 200 ms: "
                        + ((Boolean) export.get("met") ? "met" : "MISSED") + ")");
        System.out.printf("%-52s %s%n", "erasure, request to every store purged",
                "p50 " + erasure.get("purgedP50Millis") + " ms, p99 " + erasure.get("purgedP99Millis")
                        + " ms (target p99 < 1 s: " + ((Boolean) erasure.get("met") ? "met" : "MISSED") + ")");
        for (Map<String, Object> replay : (List<Map<String, Object>>) root.get("replay")) {
            System.out.printf("%-52s %s%n", String.format("replay of every read model at %,d events",
                            ((Number) replay.get("events")).longValue()),
                    String.format("%,.0f events/s in %s s (target >= 8,000: %s)",
                            ((Number) replay.get("eventsPerSecond")).doubleValue(), replay.get("seconds"),
                            (Boolean) replay.get("met") ? "met" : "MISSED"));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private RegisterMember registration(String passwordHash) {
        RegisterMember generatedOne = generator.registration(generated++, Instant.now());
        return new RegisterMember(generatedOne.memberId(), generatedOne.profile(), passwordHash,
                generatedOne.acceptedPrivacyPolicyVersion(), generatedOne.consents(), generatedOne.registeredAt(),
                generatedOne.acceptedPrivacyPolicyLanguage(), generatedOne.acceptedPrivacyPolicyTextHash());
    }

    /** A profile change that leaves the login email alone, so the member keeps logging in with it. */
    private UpdateProfile update(UUID member, int index) {
        UpdateProfile update = generator.update(member, index, Instant.now());
        return update.patch().fields().contains(ProfileField.EMAIL) ? generator.update(member, index + 1,
                Instant.now()) : update;
    }

    private void send(Object command, UUID actor, String purpose) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "actorId", actor.toString(), "actorRole", "MEMBER", "purpose", purpose, "origin", "benchmark"))));
    }

    private long countEvents(UUID member) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, member.toString());
        return count == null ? 0 : count;
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private String login(String email) throws Exception {
        return graphql(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                Map.of("u", email, "p", PASSWORD)).at("/login/token").asText();
    }

    private JsonNode graphql(String token, String query, Map<String, Object> variables) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.hasNonNull("errors")) {
            throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + body.get("errors"));
        }
        return body.get("data");
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void say(String format, Object... arguments) {
        System.out.printf("[scale] %s%n", String.format(format, arguments));
        System.out.flush();
    }
}
