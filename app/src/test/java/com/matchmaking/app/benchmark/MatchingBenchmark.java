package com.matchmaking.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.readmodels.matching.CandidateSearch;
import com.matchmaking.readmodels.matching.MatchWeights;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark of reciprocal candidate search: seeds generated members through Axon's command gateway (a registration
 * and a preferences update each), waits until the member read models (the matching table among them) have caught up,
 * then asks {@code candidates} through real GraphQL over HTTP, as a matchmaker assigned to the seekers, from several
 * concurrent clients, and prints the latency percentiles and requests per second. The target is p99 under 50 ms at
 * 100,000 members.
 *
 * <p>Run it from the repository root (it is not a test; surefire never runs it):
 * <pre>
 * mvn -q -Pbenchmark -DskipTests -pl app -am test -Dbenchmark.main=com.matchmaking.app.benchmark.MatchingBenchmark
 * mvn -q -Pbenchmark -DskipTests -pl app -am test -Dbenchmark.main=com.matchmaking.app.benchmark.MatchingBenchmark -Dbenchmark.members=10000
 * </pre>
 *
 * <p>Parameters (system properties):
 * <ul>
 *     <li>{@code benchmark.members} (100000): members seeded</li>
 *     <li>{@code benchmark.concurrency} (16): commands in flight while seeding</li>
 *     <li>{@code benchmark.clients} (4): concurrent GraphQL clients</li>
 *     <li>{@code benchmark.requests} (4000): measured {@code candidates} requests, over all clients</li>
 *     <li>{@code benchmark.warmupRequests} (1000): requests before the measured ones, left out</li>
 *     <li>{@code benchmark.seekers} (500): members assigned to the benchmark's matchmaker, asked about in turn</li>
 *     <li>{@code benchmark.first} (20): {@code first} of every request</li>
 *     <li>{@code benchmark.seed} (20261129): seed of the generated data</li>
 *     <li>{@code benchmark.workDir} ({@code app/target/benchmark} through Maven)</li>
 *     <li>{@code benchmark.keepDatabase} (unset): with {@code MATCHMAKING_TEST_POSTGRES=external}, the name of a
 *     database on that server to seed once and keep; a later run with the same name, members and seed skips the
 *     seeding and measures at once. Its KEK stays in the work folder ({@code mvn clean} loses it: drop the database
 *     then).</li>
 * </ul>
 */
public final class MatchingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "bench-admin";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String CANDIDATES = """
            query candidates($memberId: ID!, $first: Int) {
              candidates(memberId: $memberId, first: $first) {
                memberId score age gender city education heightCm maritalStatus
                explanation { personalised summary seekerWishes { criterion hard weight met }
                              candidateWishes { criterion hard weight met } }
              }
            }""";

    private final int members = Integer.getInteger("benchmark.members", 100_000);
    private final int concurrency = Integer.getInteger("benchmark.concurrency", 16);
    private final int clients = Integer.getInteger("benchmark.clients", 4);
    private final int requests = Integer.getInteger("benchmark.requests", 4000);
    private final int warmupRequests = Integer.getInteger("benchmark.warmupRequests", 1000);
    private final int seekerCount = Integer.getInteger("benchmark.seekers", 500);
    private final int first = Integer.getInteger("benchmark.first", 20);
    private final long seed = Long.getLong("benchmark.seed", 20261129L);
    private final Path workDir = Path.of(System.getProperty("benchmark.workDir", "target/benchmark"));
    private final String keepDatabase = System.getProperty("benchmark.keepDatabase", "");

    private ConfigurableApplicationContext context;
    private CommandGateway gateway;
    private JdbcTemplate jdbc;
    private HttpClient http;
    private URI endpoint;
    private boolean seeded;

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        MatchingBenchmark benchmark = new MatchingBenchmark();
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace(System.out);
        } finally {
            benchmark.stop();
        }
        // Maven's exec:java waits for every non-daemon thread the application left behind, which can keep it (and
        // the CPU) busy for minutes after the figures are out. Exiting runs the shutdown hooks, so the embedded
        // PostgreSQL is stopped too.
        System.out.flush();
        System.exit(status);
    }

    private void run() throws Exception {
        BenchmarkLogging.quiet(workDir);
        System.out.printf("== Matching benchmark: %,d members, %d commands in flight, %d clients, %,d requests "
                        + "(+%,d warm-up), first=%d; %d cores, Java %s, max heap %d MB%n", members, concurrency, clients,
                requests, warmupRequests, first, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1 << 20));
        start();

        MatchingMemberGenerator generator = new MatchingMemberGenerator(seed, Long.toString(seed & 0xffffff, 36));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        List<MatchingMemberGenerator.Generated> generated = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            generated.add(generator.member(i, today, now, MemberGenerator.PASSWORD_HASH));
        }
        List<String> seekers = new ArrayList<>();
        Random pick = new Random(seed);
        for (int i = 0; i < Math.min(seekerCount, members); i++) {
            seekers.add(generated.get(pick.nextInt(members)).registration().memberId().toString());
        }
        String username = "bench.matchmaker";
        String password = "bench-matchmaker-password";
        if (seeded) {
            System.out.printf("== Kept database %s already holds the %,d seeded members: seeding skipped%n",
                    keepDatabase, members);
        } else {
            seed(generated, seekers, username, password, today);
        }
        String token = login(username, password);

        measure("candidates warm-up", token, seekers, warmupRequests, CANDIDATES);
        measure("candidates measured", token, seekers, requests, CANDIDATES);
        // Where the time goes: the same search without HTTP and GraphQL, one caller; and the cheapest authenticated
        // GraphQL request over the same clients, the fixed cost of HTTP, the token, the policy checks and GraphQL.
        direct(seekers);
        measure("baseline: privacyPolicy over the same clients and token", token, seekers, Math.min(requests, 2000),
                "query { privacyPolicy { version } }");
    }

    private void seed(List<MatchingMemberGenerator.Generated> generated, List<String> seekers, String username,
                      String password, LocalDate today) throws Exception {
        // Seeding: a registration, then the member's preferences; members in parallel.
        long seedStart = System.nanoTime();
        send(generated);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        System.out.printf("== Seeded %,d members in %.1f s: %,.0f members/s, %,.0f events/s (%,d events stored)%n",
                members, seedSeconds, members / seedSeconds, 2.0 * members / seedSeconds, events);

        long catchUp = System.nanoTime();
        awaitCaughtUp();
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM matching_profile", Integer.class);
        System.out.printf("== Read models caught up %.1f s after the last command; matching_profile holds %,d rows%n",
                (System.nanoTime() - catchUp) / 1e9, rows);

        // A matchmaker, cleared for personal data, looking after a sample of the members.
        String adminToken = adminToken();
        JsonNode staff = graphql(adminToken, """
                mutation($input: CreateStaffInput!) { createStaff(input: $input) { staffId } }""",
                Map.of("input", Map.of("username", username, "password", password,
                        "displayName", "Benchmark matchmaker", "roles", List.of("MATCHMAKER"))));
        String staffId = staff.at("/createStaff/staffId").asText();
        graphql(adminToken, "mutation($s: ID!, $d: Date!) { recordConfidentialityAgreement(staffId: $s, version: \"CA-B\", signedOn: $d) { staffId } }",
                Map.of("s", staffId, "d", today.minusDays(5).toString()));
        graphql(adminToken, "mutation($s: ID!, $d: Date!) { recordPrivacyTraining(staffId: $s, completedOn: $d) { staffId } }",
                Map.of("s", staffId, "d", today.minusDays(5).toString()));
        for (String memberId : seekers) {
            graphql(adminToken, "mutation($m: ID!, $s: ID) { assignMatchmaker(memberId: $m, matchmakerId: $s) }",
                    Map.of("m", memberId, "s", staffId));
        }
        awaitCaughtUp();
        System.out.printf("== %d seekers assigned to the benchmark's matchmaker%n", seekers.size());
        if (!keepDatabase.isEmpty()) {
            jdbc.update("CREATE TABLE benchmark_seeding (members int NOT NULL, seed bigint NOT NULL, seekers int NOT NULL)");
            jdbc.update("INSERT INTO benchmark_seeding VALUES (?, ?, ?)", members, seed, seekers.size());
        }
    }

    private void direct(List<String> seekers) {
        CandidateSearch search = context.getBean(CandidateSearch.class);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int total = Math.min(requests, 2000);
        long[] latencies = new long[total];
        for (int i = 0; i < total; i++) {
            long started = System.nanoTime();
            search.candidates(UUID.fromString(seekers.get(i % seekers.size())), first, MatchWeights.DEFAULT, today);
            latencies[i] = System.nanoTime() - started;
        }
        Arrays.sort(latencies);
        System.out.printf("== CandidateSearch called directly (no HTTP, no GraphQL), one caller: %,d searches; latency ms "
                        + "p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", total, pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), latencies[total - 1] / 1e6);
    }

    private void measure(String phase, String token, List<String> seekers, int total, String query) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong found = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStarted = processCpuNanos();
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                    String seeker = seekers.get(i % seekers.size());
                    long sent = System.nanoTime();
                    try {
                        Map<String, Object> variables = query.contains("$memberId")
                                ? Map.of("memberId", seeker, "first", first) : Map.of();
                        JsonNode data = graphql(token, query, variables);
                        latencies[i] = System.nanoTime() - sent;
                        int size = data.has("candidates") ? data.get("candidates").size() : 1;
                        found.addAndGet(size);
                        if (size == 0) {
                            empty.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillisPerRequest = (processCpuNanos() - cpuStarted) / 1e6 / total;
        pool.shutdownNow();
        if (failure.get() != null) {
            throw new IllegalStateException(phase + " failed", failure.get());
        }
        Arrays.sort(latencies);
        System.out.printf("== %s: %,d requests, %d clients, %.1f s, %,.0f requests/s; latency ms p50 %.1f, "
                        + "p90 %.1f, p99 %.1f, max %.1f; %.1f candidates per answer, %d answers empty; %.1f ms of CPU "
                        + "per request (server and clients, this process)%n", phase, total,
                clients, seconds, total / seconds, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6, found.get() / (double) total, empty.get(), cpuMillisPerRequest);
    }

    /** CPU time of this whole process (server, clients, GC); the embedded PostgreSQL is a process of its own. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private void send(List<MatchingMemberGenerator.Generated> generated) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        int step = Math.max(1, generated.size() / 10);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < generated.size() && failure.get() == null;
                     i = next.getAndIncrement()) {
                    MatchingMemberGenerator.Generated member = generated.get(i);
                    UUID id = member.registration().memberId();
                    try {
                        gateway.send(message(member.registration(), id, "registration")).get(60, TimeUnit.SECONDS);
                        gateway.send(message(member.preferences(), id, "preferences")).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    int count = done.incrementAndGet();
                    if (count % step == 0) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.out.printf("   seeding: %,d / %,d members, %.0f s, %,.0f members/s, %,.0f events/s%n",
                                count, generated.size(), seconds, count / seconds, 2 * count / seconds);
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        senders.shutdownNow();
        if (failure.get() != null) {
            throw new IllegalStateException("Seeding failed", failure.get());
        }
    }

    private static CommandMessage<?> message(Object command, UUID actor, String purpose) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "actorId", actor.toString(), "actorRole", "MEMBER", "purpose", purpose, "origin", "benchmark")));
    }

    private void awaitCaughtUp() throws InterruptedException {
        EventStore store = context.getBean(EventStore.class);
        long head = store.createHeadToken().position().orElse(-1);
        List<StreamingEventProcessor> processors = context.getBean(org.axonframework.config.Configuration.class)
                .eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        long started = System.nanoTime();
        long lastReport = started;
        while (true) {
            long behind = 0;
            for (StreamingEventProcessor processor : processors) {
                for (EventTrackerStatus status : processor.processingStatus().values()) {
                    OptionalLong position = status.getCurrentPosition();
                    behind = Math.max(behind, head - position.orElse(-1));
                }
            }
            if (behind <= 0) {
                return;
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                System.out.printf("   catching up: the slowest processor is %,d events behind%n", behind);
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(30)) {
                throw new IllegalStateException("The read models did not catch up in 30 minutes");
            }
            Thread.sleep(200);
        }
    }

    private String login(String username, String password) throws IOException, InterruptedException {
        return graphql(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                Map.of("u", username, "p", password)).at("/login/token").asText();
    }

    /**
     * The bootstrap administrator must change the configured password at the first login; a kept database has the
     * changed one already.
     */
    private String adminToken() throws IOException, InterruptedException {
        String changed = ADMIN_PASSWORD + "-changed";
        try {
            return login(ADMIN, changed);
        } catch (IllegalStateException notYet) {
            String first = login(ADMIN, ADMIN_PASSWORD);
            return graphql(first, "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }",
                    Map.of("c", ADMIN_PASSWORD, "n", changed)).at("/changePassword/token").asText();
        }
    }

    private JsonNode graphql(String token, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
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

    private void start() throws IOException {
        TestPostgres.Database database;
        boolean existed = false;
        if (keepDatabase.isEmpty()) {
            database = TestPostgres.createDatabase("bench_match");
        } else {
            TestPostgres.Kept kept = TestPostgres.keptDatabase(keepDatabase);
            database = kept.database();
            existed = kept.existed();
        }
        Path dataDir = workDir.resolve(database.name());
        Files.createDirectories(dataDir);
        long started = System.nanoTime();
        context = new SpringApplicationBuilder(MatchmakingApplication.class).logStartupInfo(false).run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--matchmaking.data-dir=" + dataDir,
                "--matchmaking.keys.kek-file=" + dataDir.resolve("kek.json"),
                "--matchmaking.tls.mode=off",
                "--matchmaking.bootstrap-admin.username=" + ADMIN,
                "--matchmaking.bootstrap-admin.password=" + ADMIN_PASSWORD,
                "--matchmaking.auth.bcrypt-strength=6",
                // The benchmark runs at any hour; the working-hours rule would suspend its matchmaker at night.
                "--matchmaking.risk.working-hours.enabled=false",
                "--server.port=0",
                "--spring.main.banner-mode=off");
        gateway = context.getBean(CommandGateway.class);
        jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        endpoint = URI.create("http://localhost:" + port + "/graphql");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        if (existed) {
            boolean marked = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT to_regclass('benchmark_seeding') IS NOT NULL", Boolean.class));
            List<Map<String, Object>> marker = marked
                    ? jdbc.queryForList("SELECT members, seed, seekers FROM benchmark_seeding") : List.of();
            if (marker.size() != 1 || ((Number) marker.get(0).get("members")).intValue() != members
                    || ((Number) marker.get(0).get("seed")).longValue() != seed
                    || ((Number) marker.get(0).get("seekers")).intValue() != Math.min(seekerCount, members)) {
                throw new IllegalStateException("Kept database " + keepDatabase + " was not (completely) seeded with "
                        + "these members, seed and seekers: drop it (DROP DATABASE " + keepDatabase + ") or choose "
                        + "another name");
            }
            seeded = true;
        }
        System.out.printf("== Application up in %.1f s on database %s (%s PostgreSQL)%n",
                (System.nanoTime() - started) / 1e9, database.name(), database.external() ? "external" : "embedded");
    }

    private void stop() {
        if (context != null) {
            context.close();
        }
    }
}
