package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PartnerPreferences.ChoiceCriterion;
import com.matchmaking.schema.member.PartnerPreferences.MinimumEducation;
import com.matchmaking.schema.member.PartnerPreferences.RangeCriterion;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Times the pool's scan at 100,000 members in memory (no database, no HTTP); prints, asserts nothing. Not part of the
 * suite: {@code mvn -pl read-models -am test -Dtest=ScanTiming -Dbenchmark.scan=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark.scan", matches = "true")
class ScanTiming {

    @Test
    void scanAtOneHundredThousand() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        SplittableRandom r = new SplittableRandom(7);
        List<String> cities = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
                "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "aa", "bb", "cc", "dd");
        List<MatchProfile> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Gender g = r.nextBoolean() ? Gender.FEMALE : Gender.MALE;
            int age = 22 + (int) (28 * Math.pow(r.nextDouble(), 1.8));
            String city = cities.get(Math.min(29, (int) (30 * r.nextDouble() * r.nextDouble())));
            PartnerPreferences p = new PartnerPreferences(
                    r.nextInt(10) < 9 ? new RangeCriterion(age - 5, age + 5, r.nextInt(10) < 6, 1 + r.nextInt(10)) : null,
                    new ChoiceCriterion<>(Set.of(g == Gender.FEMALE ? Gender.MALE : Gender.FEMALE), true, 0),
                    r.nextInt(10) < 6 ? new ChoiceCriterion<>(Set.of(city), r.nextInt(10) < 4, 1 + r.nextInt(10)) : null,
                    r.nextBoolean() ? new MinimumEducation(Education.BACHELOR, r.nextInt(10) < 3, 5) : null,
                    r.nextBoolean() ? new RangeCriterion(160, null, r.nextInt(10) < 3, 3) : null,
                    r.nextInt(10) < 4 ? new ChoiceCriterion<>(Set.of(MaritalStatus.NEVER_MARRIED), r.nextBoolean(), 4) : null);
            all.add(new MatchProfile(UUID.randomUUID(), g, today.minusYears(age).minusDays(r.nextInt(365)), city,
                    Education.values()[r.nextInt(5)], 150 + r.nextInt(40), MaritalStatus.values()[r.nextInt(3)], p,
                    true, false, false));
        }
        CandidatePool pool = new CandidatePool(null, Duration.ofSeconds(1));
        pool.replaceAll(all);
        int todayKey = MatchProfile.dateKey(today);
        long[] times = new long[1000];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < times.length; i++) {
                MatchProfile seeker = all.get(r.nextInt(all.size()));
                long t = System.nanoTime();
                pool.top(seeker, Set.of(), 36, MatchWeights.DEFAULT, todayKey, true);
                times[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(times);
        System.out.printf("SCAN-TIMING 100k: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", times[500] / 1e6,
                times[900] / 1e6, times[990] / 1e6, times[999] / 1e6);
    }
}
