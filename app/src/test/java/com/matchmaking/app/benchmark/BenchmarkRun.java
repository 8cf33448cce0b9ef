package com.matchmaking.app.benchmark;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.matchmaking.app.MatchmakingApplication;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.keys.vault.SubjectKeyVault;
import com.matchmaking.schema.member.RegisterMember;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the benchmark: the application started in one mode on a fresh database, the measured registrations
 * and profile updates through the command gateway, then cold and warm replays of the read models (the application's
 * streaming event processors). Each phase is checked for what it must have done (events appended, ciphertext stored,
 * every event replayed without a dead letter, member keys looked up), so a fast but wrong run cannot pass for a
 * result.
 */
final class BenchmarkRun {

    static final String REGISTER = "register";
    static final String UPDATE = "update";
    static final String REPLAY_COLD = "replay-cold";
    static final String REPLAY_WARM = "replay-warm";

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

    private final BenchmarkSettings settings;
    private final boolean encrypted;
    private final String label;
    private final long seed;

    private ConfigurableApplicationContext context;
    private CommandGateway gateway;
    private SubjectKeyVault vault;
    private EventStore eventStore;
    private JdbcTemplate jdbc;
    private CpuClock cpu;
    private List<StreamingEventProcessor> readModels;
    private final SqlRoundTrips roundTrips = new SqlRoundTrips();

    /** What a run measured. */
    record Result(boolean encrypted, Map<String, PhaseResult> phases, List<String> replayed, long members,
                  long events, double averagePayloadBytes, long subjectKeys, Duration startup, CacheStats keyCacheTotal,
                  boolean postgresCpuSeen, Map<String, Map<String, Long>> statements) {

        /** SQL round trips per command of a command phase, on the sending threads (see {@link SqlRoundTrips}). */
        double roundTripsPerCommand(String phase) {
            Map<String, Long> counted = statements.get(phase);
            return counted == null ? Double.NaN
                    : (double) SqlRoundTrips.total(counted) / phases.get(phase).operations();
        }
    }

    private BenchmarkRun(BenchmarkSettings settings, boolean encrypted, String label, long seed) {
        this.settings = settings;
        this.encrypted = encrypted;
        this.label = label;
        this.seed = seed;
    }

    static Result execute(BenchmarkSettings settings, boolean encrypted, String label, long seed) {
        BenchmarkRun run = new BenchmarkRun(settings, encrypted, label, seed);
        try {
            return run.execute();
        } finally {
            run.stop();
        }
    }

    private Result execute() {
        TestPostgres.Database database = TestPostgres.createDatabase(encrypted ? "bench_enc" : "bench_plain");
        Duration startup = start(database);
        say("application up in %.1f s on database %s (%s PostgreSQL); read models to replay: %s",
                startup.toMillis() / 1000.0, database.name(), database.external() ? "external" : "embedded",
                readModels.stream().map(EventProcessor::getName).toList());

        Map<String, PhaseResult> phases = new LinkedHashMap<>();
        MemberGenerator generator = new MemberGenerator(seed, Long.toString(seed & 0xffffff, 36));
        Instant now = Instant.now();

        List<CommandMessage<?>> registrations = new ArrayList<>(settings.registrations());
        List<UUID> members = new ArrayList<>(settings.registrations());
        for (int i = 0; i < settings.registrations(); i++) {
            RegisterMember command = generator.registration(i, now);
            members.add(command.memberId());
            registrations.add(message(command, command.memberId(), "registration"));
        }
        // The application stores a few events of its own at start (the bootstrap administrator, the privacy policy).
        long before = storedEvents();
        Map<String, Map<String, Long>> statements = new LinkedHashMap<>();
        Map<String, Long> counted = roundTrips.snapshot();
        phases.put(REGISTER, sendAll(REGISTER, registrations));
        statements.put(REGISTER, SqlRoundTrips.difference(roundTrips.snapshot(), counted));
        requireEvents(before + settings.registrations());

        List<CommandMessage<?>> updates = updates(generator, members, 0, settings.updates(), now);
        counted = roundTrips.snapshot();
        phases.put(UPDATE, sendAll(UPDATE, updates));
        statements.put(UPDATE, SqlRoundTrips.difference(roundTrips.snapshot(), counted));
        long written = (long) settings.registrations() + settings.updates();
        requireEvents(before + written);

        if (settings.replayEvents() > written) {
            int extra = (int) (settings.replayEvents() - written);
            say("topping the store up with %d untimed profile updates, for a replay of %d events", extra,
                    settings.replayEvents());
            sendAll("top-up", updates(generator, members, settings.updates(), extra, now));
            written += extra;
            requireEvents(before + written);
        }
        checkStoredPayloads(members.get(0));

        awaitCaughtUp("catching up before the replay");
        // Replays are short and single-threaded, so background load shows in them most: each is repeated, cold
        // and warm alternating, and the run reports the median of each.
        List<PhaseResult> cold = new ArrayList<>();
        List<PhaseResult> warm = new ArrayList<>();
        for (int i = 0; i < settings.replayRepeats(); i++) {
            cold.add(replay(REPLAY_COLD, true, written, members.size()));
            warm.add(replay(REPLAY_WARM, false, written, members.size()));
        }
        phases.put(REPLAY_COLD, median(cold));
        phases.put(REPLAY_WARM, median(warm));

        Double payloadBytes = jdbc.queryForObject("SELECT avg(octet_length(payload))::float8 FROM domain_event_entry",
                Double.class);
        Long subjectKeys = jdbc.queryForObject("SELECT count(*) FROM subject_key", Long.class);
        return new Result(encrypted, phases, readModels.stream().map(EventProcessor::getName).toList(), members.size(),
                written, payloadBytes == null ? 0 : payloadBytes,
                subjectKeys == null ? 0 : subjectKeys, startup, vault.cacheStats(), cpu.seesPostgres(), statements);
    }

    private Duration start(TestPostgres.Database database) {
        Path dataDir = settings.workDir().resolve(database.name());
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                "--spring.datasource.hikari.maximum-pool-size=" + settings.poolSize(),
                "--spring.datasource.hikari.pool-name=benchmark-" + (encrypted ? "encrypted" : "plain"),
                "--matchmaking.encryption.enabled=" + encrypted,
                "--matchmaking.data-dir=" + dataDir,
                "--matchmaking.keys.kek-file=" + dataDir.resolve("kek.json"),
                // A servlet container on a free port: the security configuration needs a web application.
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        arguments.addAll(settings.applicationArguments());
        long started = System.nanoTime();
        context = new SpringApplicationBuilder(MatchmakingApplication.class)
                .logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(roundTrips.wrapper()))
                .run(arguments.toArray(String[]::new));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        gateway = context.getBean(CommandGateway.class);
        vault = context.getBean(SubjectKeyVault.class);
        eventStore = context.getBean(EventStore.class);
        DataSource dataSource = context.getBean(DataSource.class);
        jdbc = new JdbcTemplate(dataSource);
        cpu = CpuClock.forServerOf(dataSource);
        readModels = readModels(context.getBean(org.axonframework.config.Configuration.class)
                .eventProcessingConfiguration().eventProcessors());
        return startup;
    }

    /**
     * The processors to replay: those named in {@code benchmark.processors}, or else every streaming (tracking or
     * pooled) processor that supports a reset, which is every read model of the application.
     */
    private List<StreamingEventProcessor> readModels(Map<String, EventProcessor> processors) {
        List<String> streaming = processors.values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName).sorted().toList();
        List<String> names = settings.processors().isEmpty()
                ? streaming.stream()
                .filter(n -> ((StreamingEventProcessor) processors.get(n)).supportsReset()).toList()
                : settings.processors();
        List<StreamingEventProcessor> chosen = new ArrayList<>();
        for (String name : names) {
            if (!(processors.get(name) instanceof StreamingEventProcessor processor)) {
                throw new IllegalArgumentException("benchmark.processors names " + name
                        + ", which is no streaming event processor here; there are " + streaming);
            }
            chosen.add(processor);
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("No streaming event processor to replay; there are " + streaming);
        }
        return List.copyOf(chosen);
    }

    private void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        // Nothing uses the run's database any more: drop it now rather than at JVM exit.
        TestPostgres.dropAll();
    }

    private List<CommandMessage<?>> updates(MemberGenerator generator, List<UUID> members, int firstIndex, int count,
                                            Instant now) {
        List<CommandMessage<?>> updates = new ArrayList<>(count);
        // Consecutive updates go to members far apart, so commands in flight rarely queue on one aggregate's lock.
        int stride = members.size() > 7 && members.size() % 7 != 0 ? 7 : 1;
        for (int i = firstIndex; i < firstIndex + count; i++) {
            UUID member = members.get((int) ((long) i * stride % members.size()));
            updates.add(message(generator.update(member, i, now), member, "self-service"));
        }
        return updates;
    }

    /** The command with the audit metadata the GraphQL layer attaches. */
    private static CommandMessage<?> message(Object command, UUID actor, String purpose) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "actorId", actor.toString(), "actorRole", "MEMBER", "purpose", purpose, "origin", "benchmark")));
    }

    /** Sends every command with {@code concurrency} in flight and times the whole. */
    private PhaseResult sendAll(String phase, List<CommandMessage<?>> commands) {
        int total = commands.size();
        long[] latencies = new long[total];
        if (total == 0) {
            return PhaseResult.commands(phase, latencies, 1, new CpuClock.Reading(0, 0), CacheStats.empty());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Progress progress = new Progress(phase, total, "cmd/s");
        int threads = Math.min(settings.concurrency(), total);
        ExecutorService senders = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "benchmark-sender");
            thread.setDaemon(true);
            return thread;
        });
        CacheStats cacheBefore = vault.cacheStats();
        CpuClock.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        progress.start(started);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total && failure.get() == null;
                         i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            gateway.send(commands.get(i)).get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                            return;
                        }
                        latencies[i] = System.nanoTime() - sent;
                        progress.advance();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(label + " " + phase + " failed", e);
        } finally {
            senders.shutdownNow();
        }
        long nanos = System.nanoTime() - started;
        if (failure.get() != null) {
            throw new IllegalStateException(label + " " + phase + ": a command failed", failure.get());
        }
        PhaseResult result = PhaseResult.commands(phase, latencies, nanos, cpu.read().minus(cpuBefore),
                vault.cacheStats().minus(cacheBefore));
        say("%-11s %,d commands in %.2f s = %,.0f commands/s (= events/s), latency p50 %.2f ms p99 %.2f ms",
                phase, total, nanos / 1e9, result.perSecond(), result.p50Nanos() / 1e6, result.p99Nanos() / 1e6);
        return result;
    }

    /**
     * Resets the read models' processors and times them until each has processed every event again. Each processor
     * reads the events from the store and has the serializer deserialize (in the encrypted mode: decrypt) those its
     * handlers take.
     *
     * @param cold whether the key cache is emptied first, so that every member's keys are looked up again
     */
    private PhaseResult replay(String phase, boolean cold, long events, long members) {
        long head = headPosition();
        readModels.stream().map(StreamingEventProcessor::shutdownAsync).toList()
                .forEach(java.util.concurrent.CompletableFuture::join);
        readModels.forEach(StreamingEventProcessor::resetTokens);
        if (cold) {
            vault.evictAll();
        }
        Progress progress = new Progress(phase, events, "events/s");
        CacheStats cacheBefore = vault.cacheStats();
        CpuClock.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        progress.start(started);
        readModels.forEach(StreamingEventProcessor::start);
        long position = awaitPosition(head, true, progress);
        long nanos = System.nanoTime() - started;
        PhaseResult result = PhaseResult.events(phase, events, nanos, cpu.read().minus(cpuBefore),
                vault.cacheStats().minus(cacheBefore));
        checkReplay(cold, result.keyCache(), members);
        say("%-11s %,d events in %.2f s = %,.0f events/s (position %d)%s", phase, events, nanos / 1e9,
                result.perSecond(), position, encrypted
                        ? String.format(", key cache %d hits / %d misses", result.keyCache().hitCount(),
                        result.keyCache().missCount()) : "");
        return result;
    }

    /** The repeat with the median throughput (the lower middle one of an even number). */
    private static PhaseResult median(List<PhaseResult> repeats) {
        List<PhaseResult> sorted = new ArrayList<>(repeats);
        sorted.sort(java.util.Comparator.comparingDouble(PhaseResult::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private void awaitCaughtUp(String why) {
        long started = System.nanoTime();
        awaitPosition(headPosition(), false, null);
        say("%s took %.2f s", why, (System.nanoTime() - started) / 1e9);
    }

    private long headPosition() {
        return eventStore.createHeadToken().position()
                .orElseThrow(() -> new IllegalStateException("The event store has no head position"));
    }

    /**
     * Waits until every segment of every replayed processor has processed up to {@code head}. (A replay token stays
     * "replaying" until an event beyond its reset position arrives, so the replaying flag says nothing about being
     * done.)
     */
    private long awaitPosition(long head, boolean replaying, Progress progress) {
        long lastPosition = Long.MIN_VALUE;
        long lastMove = System.nanoTime();
        while (true) {
            long lowest = Long.MAX_VALUE;
            boolean done = true;
            boolean started = true;
            Map<String, Map<Integer, EventTrackerStatus>> statuses = new java.util.TreeMap<>();
            for (StreamingEventProcessor processor : readModels) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                statuses.put(processor.getName(), status);
                started &= !status.isEmpty();
                done &= !status.isEmpty();
                for (EventTrackerStatus segment : status.values()) {
                    if (segment.isErrorState()) {
                        throw new IllegalStateException(label + ": " + processor.getName() + " failed",
                                segment.getError());
                    }
                    OptionalLong current = segment.getCurrentPosition();
                    long at = current.isPresent() ? current.getAsLong() : -1;
                    lowest = Math.min(lowest, at);
                    done &= at >= head;
                }
            }
            if (done) {
                return lowest;
            }
            if (started && lowest != lastPosition) {
                lastPosition = lowest;
                lastMove = System.nanoTime();
                if (progress != null && lowest >= 0) {
                    // Global indexes start at 1 and may have gaps: close enough for a progress line.
                    progress.at(Math.round((double) lowest / head * progress.total));
                }
            } else if (System.nanoTime() - lastMove > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException(label + ": the read models made no progress for " + STALL_TIMEOUT
                        + (replaying ? " during the replay" : "") + "; status " + statuses);
            }
            sleepMillis(2);
        }
    }

    private long storedEvents() {
        Long stored = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return stored == null ? 0 : stored;
    }

    private void requireEvents(long expected) {
        long stored = storedEvents();
        if (stored != expected) {
            throw new IllegalStateException(label + ": expected " + expected + " events in the store, found " + stored);
        }
    }

    /** Personal fields must be ciphertext in the encrypted mode and plain JSON in the plain one. */
    private void checkStoredPayloads(UUID member) {
        byte[] payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                byte[].class, member.toString());
        String json = new String(payload, StandardCharsets.UTF_8);
        boolean ciphertext = json.contains("\"@pd\":{\"v\":\"pd2\"") && !json.contains("@example.com");
        if (ciphertext != encrypted) {
            throw new IllegalStateException(label + ": stored MemberRegistered is " + (ciphertext ? "" : "not ")
                    + "encrypted, but encryption is " + (encrypted ? "on" : "off"));
        }
    }

    /**
     * A replay must have handled every event without a dead letter (a handler or decryption failure parks the event
     * there, or stops the processor, which {@link #awaitPosition} reports), and in the encrypted mode a cold replay
     * must have looked up every member's keys: otherwise no replayed handler took member events and nothing was
     * decrypted, and the figure would not measure what it claims to.
     */
    private void checkReplay(boolean cold, CacheStats keyCache, long members) {
        Long deadLetters = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry", Long.class);
        if (deadLetters != null && deadLetters != 0) {
            throw new IllegalStateException(label + ": the replay left " + deadLetters + " dead letters");
        }
        if (encrypted && cold && keyCache.missCount() < members) {
            throw new IllegalStateException(label + ": the cold replay looked up the keys of " + keyCache.missCount()
                    + " of " + members + " members: the replayed processors " + readModels.stream()
                    .map(EventProcessor::getName).toList() + " do not decrypt member events");
        }
    }

    private void say(String format, Object... arguments) {
        // The time of day lets a phase be found again in a profile (JFR) of the run.
        System.out.printf("%s [%s] %s%n", java.time.LocalTime.now().withNano(0), label,
                String.format(format, arguments));
        System.out.flush();
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Prints a line each time a phase passes another {@code progressPercent} of its total. */
    private final class Progress {
        private final String phase;
        private final long total;
        private final String unit;
        private final long step;
        private final AtomicInteger done = new AtomicInteger();
        private volatile long started;
        private long nextMark;

        Progress(String phase, long total, String unit) {
            this.phase = phase;
            this.total = total;
            this.unit = unit;
            this.step = Math.max(1, total * settings.progressPercent() / 100);
            this.nextMark = step;
        }

        void start(long startedNanos) {
            this.started = startedNanos;
        }

        /** One more operation done (called by many threads). */
        void advance() {
            int count = done.incrementAndGet();
            if (count % step == 0 && count < total) {
                print(count);
            }
        }

        /** This many done so far (called by one thread). */
        void at(long count) {
            if (count >= nextMark && count < total) {
                print(count);
                nextMark = (count / step + 1) * step;
            }
        }

        private void print(long count) {
            double seconds = (System.nanoTime() - started) / 1e9;
            say("%-11s %3d%% %,9d/%,d  %,8.0f %s  %.1f s", phase, count * 100 / total, count, total,
                    count / seconds, unit, seconds);
        }
    }
}
