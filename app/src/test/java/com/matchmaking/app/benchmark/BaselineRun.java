package com.matchmaking.app.benchmark;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.matchmaking.app.benchmark.baseline.BaselineApplication;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.RegisterBaselineMember;
import com.matchmaking.app.benchmark.baseline.BaselineCommands.UpdateBaselineProfile;
import com.matchmaking.keys.testing.TestPostgres;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdateProfile;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the bare-Axon baseline ({@link BaselineApplication}) on a fresh database of the same server: the same
 * generated members and profile changes as the other modes (their five plain values), the same concurrency, then a
 * replay of its one projection. It reports the register, update and warm-replay phases; it has no keys, so no cold
 * replay.
 */
final class BaselineRun {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);

    private final BenchmarkSettings settings;
    private final String label;
    private final long seed;
    private final SqlRoundTrips roundTrips = new SqlRoundTrips();
    private BaselineApplication application;
    private CpuClock cpu;

    private BaselineRun(BenchmarkSettings settings, String label, long seed) {
        this.settings = settings;
        this.label = label;
        this.seed = seed;
    }

    static BenchmarkRun.Result execute(BenchmarkSettings settings, String label, long seed) {
        BaselineRun run = new BaselineRun(settings, label, seed);
        try {
            return run.execute();
        } finally {
            if (run.application != null) {
                run.application.close();
            }
            TestPostgres.dropAll();
        }
    }

    private BenchmarkRun.Result execute() {
        TestPostgres.Database database = TestPostgres.createDatabase("bench_base");
        long started = System.nanoTime();
        application = BaselineApplication.start(database.url(), database.username(), database.password(),
                settings.poolSize(), settings.batchSize() > 0 ? settings.batchSize() : 50,
                ds -> (DataSource) roundTrips.wrapper().postProcessAfterInitialization(ds, "dataSource"));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        cpu = CpuClock.forServerOf(application.dataSource());
        say("bare Axon up in %.1f s on database %s", startup.toMillis() / 1000.0, database.name());

        // The same generator and seed as the other modes: the same values, the same sequence of changes.
        MemberGenerator generator = new MemberGenerator(seed, Long.toString(seed & 0xffffff, 36));
        Instant now = Instant.now();
        List<CommandMessage<?>> registrations = new ArrayList<>();
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < settings.registrations(); i++) {
            RegisterMember command = generator.registration(i, now);
            Profile p = command.profile();
            members.add(command.memberId());
            registrations.add(message(new RegisterBaselineMember(command.memberId(), p.fullName(), p.email(),
                    p.phone(), p.city(), p.aboutMe(), now), command.memberId(), "registration"));
        }
        Map<String, PhaseResult> phases = new LinkedHashMap<>();
        Map<String, Map<String, Long>> statements = new LinkedHashMap<>();
        Map<String, Long> before = roundTrips.snapshot();
        phases.put(BenchmarkRun.REGISTER, sendAll(BenchmarkRun.REGISTER, registrations));
        statements.put(BenchmarkRun.REGISTER, SqlRoundTrips.difference(roundTrips.snapshot(), before));

        List<CommandMessage<?>> updates = new ArrayList<>();
        int stride = members.size() > 7 && members.size() % 7 != 0 ? 7 : 1;
        // Like the other modes, the store is topped up with untimed updates to the replay's size.
        int topUp = (int) Math.max(0, settings.replayEvents() - (long) settings.registrations() - settings.updates());
        for (int i = 0; i < settings.updates() + topUp; i++) {
            UUID member = members.get((int) ((long) i * stride % members.size()));
            UpdateProfile update = generator.update(member, i, now);
            Profile v = update.patch().values();
            // Email changes have no counterpart here (no login); they change the phone instead.
            String phone = v.phone() != null ? v.phone() : v.email() != null ? "+8619" + String.format("%09d", i) : null;
            // Occupation has no field here either: it goes with the city, so that every update changes something.
            String city = v.occupation() != null ? v.city() + " / " + v.occupation() : v.city();
            updates.add(message(new UpdateBaselineProfile(member, v.fullName(), phone, city, v.aboutMe(), now),
                    member, "self-service"));
        }
        before = roundTrips.snapshot();
        phases.put(BenchmarkRun.UPDATE, sendAll(BenchmarkRun.UPDATE, updates.subList(0, settings.updates())));
        statements.put(BenchmarkRun.UPDATE, SqlRoundTrips.difference(roundTrips.snapshot(), before));
        if (topUp > 0) {
            say("topping the store up with %d untimed profile updates", topUp);
            sendAll("top-up", updates.subList(settings.updates(), updates.size()));
        }

        long events = storedEvents();
        long expected = (long) settings.registrations() + settings.updates() + topUp;
        // An update that changes none of the baseline's four fields (the generator drew the value a member already
        // has) appends nothing, as in our aggregate; more events than commands, or fewer than registrations, is a bug.
        if (events > expected || events < settings.registrations()) {
            throw new IllegalStateException(label + ": expected up to " + expected + " events, found " + events);
        }
        if (events < expected) {
            say("%d of the updates changed nothing and appended no event", expected - events);
        }
        awaitPosition(application.headPosition());
        List<PhaseResult> replays = new ArrayList<>();
        for (int i = 0; i < settings.replayRepeats(); i++) {
            replays.add(replay(events));
        }
        replays.sort(java.util.Comparator.comparingDouble(PhaseResult::perSecond));
        phases.put(BenchmarkRun.REPLAY_WARM, replays.get((replays.size() - 1) / 2));
        Long rows = new JdbcTemplate(application.dataSource()).queryForObject("SELECT count(*) FROM baseline_member",
                Long.class);
        if (rows == null || rows != members.size()) {
            throw new IllegalStateException(label + ": the projection holds " + rows + " rows, not " + members.size());
        }
        Double payload = new JdbcTemplate(application.dataSource()).queryForObject(
                "SELECT avg(octet_length(payload))::float8 FROM domain_event_entry", Double.class);
        return new BenchmarkRun.Result(false, phases, List.of("baseline-projection"), members.size(), events,
                payload == null ? 0 : payload, 0, startup, CacheStats.empty(), cpu.seesPostgres(), statements);
    }

    private long storedEvents() {
        Long count = new JdbcTemplate(application.dataSource()).queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class);
        return count == null ? 0 : count;
    }

    private static CommandMessage<?> message(Object command, UUID actor, String purpose) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                "actorId", actor.toString(), "actorRole", "MEMBER", "purpose", purpose, "origin", "benchmark")));
    }

    private PhaseResult sendAll(String phase, List<CommandMessage<?>> commands) {
        CommandGateway gateway = application.gateway();
        int total = commands.size();
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = Math.max(1, Math.min(settings.concurrency(), total));
        long step = Math.max(1, (long) total * settings.progressPercent() / 100);
        ExecutorService senders = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, SqlRoundTrips.COUNTED_THREAD_PREFIX);
            thread.setDaemon(true);
            return thread;
        });
        CpuClock.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            gateway.send(commands.get(i)).get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                            return;
                        }
                        latencies[i] = System.nanoTime() - sent;
                        int count = done.incrementAndGet();
                        if (count % step == 0 && count < total) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            say("%-11s %3d%% %,9d/%,d  %,8.0f cmd/s  %.1f s", phase, count * 100L / total, count,
                                    total, count / seconds, seconds);
                        }
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
                CacheStats.empty());
        say("%-11s %,d commands in %.2f s = %,.0f commands/s, latency p50 %.2f ms p99 %.2f ms", phase, total,
                nanos / 1e9, result.perSecond(), result.p50Nanos() / 1e6, result.p99Nanos() / 1e6);
        return result;
    }

    private PhaseResult replay(long events) {
        StreamingEventProcessor projection = application.projection();
        long head = application.headPosition();
        projection.shutdownAsync().join();
        projection.resetTokens();
        CpuClock.Reading cpuBefore = cpu.read();
        long started = System.nanoTime();
        projection.start();
        awaitPosition(head);
        long nanos = System.nanoTime() - started;
        PhaseResult result = PhaseResult.events(BenchmarkRun.REPLAY_WARM, events, nanos, cpu.read().minus(cpuBefore),
                CacheStats.empty());
        say("%-11s %,d events in %.2f s = %,.0f events/s", BenchmarkRun.REPLAY_WARM, events, nanos / 1e9,
                result.perSecond());
        return result;
    }

    private void awaitPosition(long head) {
        StreamingEventProcessor projection = application.projection();
        long lastMove = System.nanoTime();
        long last = Long.MIN_VALUE;
        while (true) {
            Map<Integer, EventTrackerStatus> status = projection.processingStatus();
            long lowest = Long.MAX_VALUE;
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState()) {
                    throw new IllegalStateException(label + ": the baseline projection failed", segment.getError());
                }
                lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
            }
            if (!status.isEmpty() && lowest >= head) {
                return;
            }
            if (lowest != last) {
                last = lowest;
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException(label + ": the baseline projection made no progress for "
                        + STALL_TIMEOUT);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void say(String format, Object... arguments) {
        // The time of day lets a phase be found again in a profile (JFR) of the run.
        System.out.printf("%s [%s] %s%n", java.time.LocalTime.now().withNano(0), label,
                String.format(format, arguments));
        System.out.flush();
    }
}
