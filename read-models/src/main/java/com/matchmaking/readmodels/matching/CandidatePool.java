package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.PartnerPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every active member's matching profile in memory, partitioned by gender and sorted by birth date, so a search
 * scans only the genders and birth dates the seeker's hard requirements leave open, and never waits on the database
 * for the scan. It follows the table by revision: this node's projection asks for a refresh after each commit, and a
 * cheap look at the current revision every {@code matchmaking.matching.refresh-interval} picks up other nodes'
 * changes. It may lag the table by that long: every result is re-checked against the table before it is shown.
 */
@Component
class CandidatePool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CandidatePool.class);

    private final MatchingStore store;
    private final long intervalMillis;
    private final Map<UUID, MatchingStore.Versioned> profiles = new ConcurrentHashMap<>();
    private final CompactProfile.Cities cities = new CompactProfile.Cities();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Object wake = new Object();

    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean running;
    private boolean wakeRequested;
    private Thread refresher;
    private long revisionSeen = -1;
    private long removalsSeen = -1;

    CandidatePool(MatchingStore store,
                  @Value("${matchmaking.matching.refresh-interval:PT0.25S}") Duration refreshInterval) {
        this.store = store;
        this.intervalMillis = Math.max(10, refreshInterval.toMillis());
    }

    /** A candidate found by the scan, with what orders it and the revision of the profile the scan used. */
    record Ranked(MatchProfile profile, double score, long neutral, long revision) {
    }

    /**
     * The active members by gender (and those of none given), each partition sorted by birth date, unknown birth
     * dates first.
     */
    record Snapshot(Map<Gender, ProfileColumns> byGender, ProfileColumns noGender, int size) {
        static final Snapshot EMPTY = new Snapshot(Map.of(),
                new ProfileColumns(new MatchingStore.Versioned[0], new CompactProfile.Cities()), 0);
    }

    /**
     * The best {@code limit} candidates for the seeker by the pool's data: reciprocal matches, the seeker and the
     * excluded left out, in the final order. The seeker's own profile is the caller's (fresh) one.
     */
    List<Ranked> top(MatchProfile seeker, Set<UUID> excluded, int limit, MatchWeights weights, int todayKey,
                     boolean personalised) {
        awaitLoaded();
        Comparator<Ranked> order = order(personalised);
        PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(limit + 1, order.reversed());
        Snapshot current = snapshot;
        PartnerPreferences wishes = seeker.preferences();
        ProfileColumns.Seeker me = new ProfileColumns.Seeker(seeker, cities, todayKey, weights, personalised);
        List<ProfileColumns> partitions = new ArrayList<>(3);
        if (wishes.genders() != null && wishes.genders().required()) {
            for (Gender gender : wishes.genders().accepted()) {
                ProfileColumns partition = current.byGender().get(gender);
                if (partition != null) {
                    partitions.add(partition);
                }
            }
        } else {
            partitions.addAll(current.byGender().values());
            partitions.add(current.noGender());
        }
        for (ProfileColumns partition : partitions) {
            int from = 0;
            int to = partition.size();
            if (wishes.ageYears() != null && wishes.ageYears().required()) {
                // age >= min  <=>  birth <= today - min years;  age <= max  <=>  birth > today - (max + 1) years.
                PartnerPreferences.RangeCriterion age = wishes.ageYears();
                if (age.max() != null) {
                    from = firstAbove(partition.birthKeys(), todayKey - (age.max() + 1) * 10_000);
                }
                if (age.min() != null) {
                    to = firstAbove(partition.birthKeys(), todayKey - age.min() * 10_000);
                }
            }
            partition.scan(me, from, to, excluded, worstFirst, limit);
        }
        List<Ranked> best = new ArrayList<>(worstFirst);
        best.sort(order);
        return best;
    }

    /** Best first: score descending (personalised) or the neutral rank, then the member id. */
    static Comparator<Ranked> order(boolean personalised) {
        Comparator<Ranked> first = personalised
                ? Comparator.comparingDouble(Ranked::score).reversed()
                : Comparator.comparingLong(Ranked::neutral);
        return first.thenComparing(r -> r.profile().memberId());
    }

    /** The first index whose birth key is greater than the key. */
    private static int firstAbove(int[] keys, int key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Replaces everything with these profiles, without the table: for tests of the scan against plain evaluation. */
    void replaceAll(Iterable<MatchProfile> all) {
        profiles.clear();
        all.forEach(p -> profiles.put(p.memberId(), new MatchingStore.Versioned(p, 0)));
        snapshot = build(profiles.values());
        loaded.countDown();
    }

    int size() {
        return snapshot.size();
    }

    /** The ids the pool gives cities; a test fills it to reach ids beyond the scan's 64 bits. */
    CompactProfile.Cities cities() {
        return cities;
    }

    /** Asks the refresher to look at the table now rather than at its next interval. */
    void refreshSoon() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    /** Brings the pool up to the table's current revision, now, on the calling thread. */
    synchronized void refresh() {
        MatchingStore.State state = store.state();
        boolean changed = false;
        if (state.revision() != revisionSeen) {
            for (MatchingStore.Versioned versioned : store.changedSince(Math.max(revisionSeen, 0))) {
                profiles.put(versioned.profile().memberId(), versioned);
                changed = true;
            }
            revisionSeen = state.revision();
        }
        if (state.removals() != removalsSeen) {
            Set<UUID> present = store.memberIds();
            changed |= profiles.keySet().retainAll(present);
            removalsSeen = state.removals();
        }
        if (changed || snapshot == Snapshot.EMPTY && !profiles.isEmpty()) {
            snapshot = build(profiles.values());
        }
    }

    Snapshot build(Iterable<MatchingStore.Versioned> all) {
        Map<Gender, List<MatchingStore.Versioned>> byGender = new EnumMap<>(Gender.class);
        List<MatchingStore.Versioned> noGender = new ArrayList<>();
        int size = 0;
        for (MatchingStore.Versioned versioned : all) {
            MatchProfile profile = versioned.profile();
            if (!profile.active()) {
                continue;
            }
            size++;
            (profile.gender() == null ? noGender : byGender.computeIfAbsent(profile.gender(), g -> new ArrayList<>()))
                    .add(versioned);
        }
        Map<Gender, ProfileColumns> partitions = new EnumMap<>(Gender.class);
        byGender.forEach((gender, members) -> partitions.put(gender, partition(members)));
        return new Snapshot(partitions, partition(noGender), size);
    }

    private ProfileColumns partition(List<MatchingStore.Versioned> members) {
        MatchingStore.Versioned[] sorted = members.toArray(MatchingStore.Versioned[]::new);
        Arrays.sort(sorted, Comparator.comparingInt((MatchingStore.Versioned v) -> v.profile().birthKey())
                .thenComparing(v -> v.profile().memberId()));
        return new ProfileColumns(sorted, cities);
    }

    private void awaitLoaded() {
        try {
            if (!loaded.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The candidate pool is still loading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the candidate pool loads", e);
        }
    }

    private void run() {
        while (running) {
            long started = System.nanoTime();
            try {
                refresh();
                loaded.countDown();
                // Under a stream of commits (a bulk import) rebuilding after each would take a core: the pause after
                // a refresh grows with what it cost, keeping the refresher to a fifth of one core at most.
                long pause = Math.min(intervalMillis, 4 * (System.nanoTime() - started) / 1_000_000);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Typically the database restarting; the next round tries again. No member data is in the message.
                log.warn("Candidate pool refresh failed: {}", e.getClass().getSimpleName());
            }
            synchronized (wake) {
                if (!wakeRequested && running) {
                    try {
                        wake.wait(intervalMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                wakeRequested = false;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        refresher = new Thread(this::run, "candidate-pool-refresher");
        refresher.setDaemon(true);
        refresher.start();
    }

    @Override
    public void stop() {
        running = false;
        refreshSoon();
        if (refresher != null) {
            refresher.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
