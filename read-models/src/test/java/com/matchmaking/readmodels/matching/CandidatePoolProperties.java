package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PartnerPreferences.ChoiceCriterion;
import com.matchmaking.schema.member.PartnerPreferences.MinimumEducation;
import com.matchmaking.schema.member.PartnerPreferences.RangeCriterion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of reciprocal matching over generated populations, with a small value space (four cities, ages 20 to 50)
 * so that hard requirements both pass and fail often. The hard-requirement oracle here is written independently of
 * {@link MatchRules}, from the preference records and {@link Period}.
 */
class CandidatePoolProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final int TODAY_KEY = MatchProfile.dateKey(TODAY);
    private static final List<String> CITIES = List.of("Beijing", "Shanghai", "Chengdu", "Wuhan");

    @Property(tries = 200)
    void noCandidateBreaksAHardRequirementOfEitherSide(@ForAll("populations") List<MatchProfile> population,
                                                       @ForAll boolean personalised) {
        CandidatePool pool = pool(population);
        for (MatchProfile seeker : population.subList(0, Math.min(5, population.size()))) {
            for (CandidatePool.Ranked found : pool.top(seeker, Set.of(), population.size(), MatchWeights.DEFAULT, TODAY_KEY,
                    personalised)) {
                MatchProfile candidate = found.profile();
                assertThat(meetsHard(seeker.preferences(), candidate)).as("the seeker's hard requirements").isTrue();
                assertThat(meetsHard(candidate.preferences(), seeker)).as("the candidate's hard requirements").isTrue();
                assertThat(candidate.active()).isTrue();
                assertThat(candidate.memberId()).isNotEqualTo(seeker.memberId());
            }
        }
    }

    @Property(tries = 100)
    void bIsACandidateForAExactlyWhenAIsACandidateForB(@ForAll("populations") List<MatchProfile> population) {
        CandidatePool pool = pool(population);
        Set<List<UUID>> pairs = new HashSet<>();
        for (MatchProfile seeker : population) {
            if (!seeker.active()) {
                continue;
            }
            for (CandidatePool.Ranked found : pool.top(seeker, Set.of(), population.size(), MatchWeights.DEFAULT, TODAY_KEY,
                    true)) {
                pairs.add(List.of(seeker.memberId(), found.profile().memberId()));
            }
        }
        for (List<UUID> pair : pairs) {
            assertThat(pairs).contains(List.of(pair.get(1), pair.get(0)));
        }
    }

    @Property(tries = 100)
    void theSameDataGivesTheSameOrderWhateverOrderItWasLoadedIn(@ForAll("populations") List<MatchProfile> population,
                                                              @ForAll boolean personalised, @ForAll long shuffleSeed) {
        List<MatchProfile> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        CandidatePool one = pool(population);
        CandidatePool other = pool(shuffled);
        for (MatchProfile seeker : population.subList(0, Math.min(5, population.size()))) {
            assertThat(ids(other.top(seeker, Set.of(), 7, MatchWeights.DEFAULT, TODAY_KEY, personalised)))
                    .isEqualTo(ids(one.top(seeker, Set.of(), 7, MatchWeights.DEFAULT, TODAY_KEY, personalised)));
        }
    }

    @Property(tries = 200)
    void theFastPoolAgreesWithPlainEvaluationOfEveryPair(@ForAll("populations") List<MatchProfile> population,
                                                        @ForAll boolean personalised,
                                                        @ForAll("limits") int limit, @ForAll("weights") MatchWeights weights) {
        CandidatePool pool = pool(population);
        for (MatchProfile seeker : population.subList(0, Math.min(5, population.size()))) {
            Set<UUID> excluded = new HashSet<>();
            if (population.size() > 3) {
                excluded.add(population.get(population.size() - 1).memberId());
            }
            List<CandidatePool.Ranked> expected = new ArrayList<>();
            for (MatchProfile candidate : population) {
                if (candidate != seeker && candidate.active() && !excluded.contains(candidate.memberId())
                        && MatchRules.match(seeker, candidate, TODAY)) {
                    expected.add(new CandidatePool.Ranked(candidate,
                            personalised ? MatchRules.score(seeker, candidate, TODAY, weights) : 0,
                            personalised ? 0 : MatchRules.neutralRank(seeker.memberId(), candidate.memberId()), 0));
                }
            }
            expected.sort(CandidatePool.order(personalised));
            List<CandidatePool.Ranked> found = pool.top(seeker, excluded, limit, weights, TODAY_KEY, personalised);
            assertThat(found).isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
        }
    }

    @Property(tries = 300)
    void theScoreIsTheSameFromEitherSideAndBetweenZeroAndHundred(@ForAll("profiles") MatchProfile a,
                                                                @ForAll("profiles") MatchProfile b,
                                                                @ForAll("weights") MatchWeights weights) {
        double score = MatchRules.score(a, b, TODAY, weights);
        assertThat(score).isEqualTo(MatchRules.score(b, a, TODAY, weights)).isBetween(0.0, 100.0);
        assertThat(MatchRules.match(a, b, TODAY)).isEqualTo(MatchRules.match(b, a, TODAY));
    }

    @Property(tries = 500)
    void theScanAgreesWithMatchRulesOnEveryPair(@ForAll("profiles") MatchProfile a, @ForAll("profiles") MatchProfile b,
                                                @ForAll("weights") MatchWeights weights, @ForAll boolean personalised) {
        assertThat(pairScan(pool(List.of(b)), a, b, weights, personalised)).isEqualTo(pairRules(a, b, weights, personalised));
    }

    @Property(tries = 300)
    void citiesBeyondTheSixtyFourthAreMatchedLikeTheOthers(@ForAll("profiles") MatchProfile a,
                                                           @ForAll("profiles") MatchProfile b,
                                                           @ForAll("weights") MatchWeights weights) {
        // The scan keeps the first 64 cities it meets as bits and the rest in a bit set: push these pairs' cities there.
        CandidatePool pool = new CandidatePool(null, java.time.Duration.ofSeconds(1));
        for (int i = 0; i < 70; i++) {
            pool.cities().id("filler-" + i);
        }
        pool.replaceAll(List.of(b));
        assertThat(pool.cities().id(CITIES.get(0))).isGreaterThanOrEqualTo(64);
        assertThat(pairScan(pool, a, b, weights, true)).isEqualTo(pairRules(a, b, weights, true));
    }

    /** What the pool holding only b offers a: b with its score or rank, or nothing. */
    private static List<CandidatePool.Ranked> pairScan(CandidatePool pool, MatchProfile a, MatchProfile b,
                                                       MatchWeights weights, boolean personalised) {
        return pool.top(a, Set.of(), 1, weights, TODAY_KEY, personalised);
    }

    private static List<CandidatePool.Ranked> pairRules(MatchProfile a, MatchProfile b, MatchWeights weights,
                                                        boolean personalised) {
        if (a.memberId().equals(b.memberId()) || !b.active() || !MatchRules.match(a, b, TODAY)) {
            return List.of();
        }
        return List.of(new CandidatePool.Ranked(b, personalised ? MatchRules.score(a, b, TODAY, weights) : 0,
                personalised ? 0 : MatchRules.neutralRank(a.memberId(), b.memberId()), 0));
    }

    // --- the independent oracle ---

    private static boolean meetsHard(PartnerPreferences p, MatchProfile other) {
        Integer age = other.birthDate() == null ? null : Period.between(other.birthDate(), TODAY).getYears();
        return (p.ageYears() == null || !p.ageYears().required() || age != null
                && (p.ageYears().min() == null || age >= p.ageYears().min())
                && (p.ageYears().max() == null || age <= p.ageYears().max()))
                && (p.genders() == null || !p.genders().required() || p.genders().accepted().contains(other.gender()))
                && (p.cities() == null || !p.cities().required() || p.cities().accepted().contains(other.city()))
                && (p.education() == null || !p.education().required() || other.education() != null
                && other.education().ordinal() >= p.education().minimum().ordinal())
                && (p.heightCm() == null || !p.heightCm().required() || other.heightCm() != null
                && (p.heightCm().min() == null || other.heightCm() >= p.heightCm().min())
                && (p.heightCm().max() == null || other.heightCm() <= p.heightCm().max()))
                && (p.maritalStatuses() == null || !p.maritalStatuses().required()
                || p.maritalStatuses().accepted().contains(other.maritalStatus()));
    }

    // --- generators ---

    private static CandidatePool pool(List<MatchProfile> population) {
        CandidatePool pool = new CandidatePool(null, java.time.Duration.ofSeconds(1));
        pool.replaceAll(population);
        return pool;
    }

    private static List<UUID> ids(List<CandidatePool.Ranked> ranked) {
        return ranked.stream().map(r -> r.profile().memberId()).toList();
    }

    @Provide
    Arbitrary<List<MatchProfile>> populations() {
        return profiles().list().ofMinSize(1).ofMaxSize(40)
                .uniqueElements(MatchProfile::memberId);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.integers().between(1, 45);
    }

    @Provide
    Arbitrary<MatchWeights> weights() {
        Arbitrary<Integer> w = Arbitraries.integers().between(0, 5);
        return Combinators.combine(w, w, w, w, w, w).as(MatchWeights::new);
    }

    @Provide
    Arbitrary<MatchProfile> profiles() {
        Arbitrary<UUID> ids = Arbitraries.create(UUID::randomUUID);
        Arbitrary<Gender> genders = Arbitraries.of(Gender.class).injectNull(0.05);
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 365 * 32)
                .map(days -> TODAY.minusYears(20).minusDays(days)).injectNull(0.05);
        Arbitrary<String> cities = Arbitraries.of(CITIES).injectNull(0.05);
        Arbitrary<Education> educations = Arbitraries.of(Education.class).injectNull(0.05);
        Arbitrary<Integer> heights = Arbitraries.integers().between(150, 195).injectNull(0.05);
        Arbitrary<MaritalStatus> marital = Arbitraries.of(MaritalStatus.class).injectNull(0.05);
        Arbitrary<Boolean> rarely = Arbitraries.integers().between(0, 9).map(i -> i == 0);
        Arbitrary<MatchProfile> attributes = Combinators.combine(ids, genders, births, cities, educations, heights, marital,
                        preferences())
                .as((id, g, b, c, e, h, m, p) -> new MatchProfile(id, g, b, c, e, h, m, p, true, false, false));
        return Combinators.combine(attributes, Arbitraries.of(true, false), rarely, rarely)
                .as((p, personalised, paused, suspended) -> new MatchProfile(p.memberId(), p.gender(), p.birthDate(),
                        p.city(), p.education(), p.heightCm(), p.maritalStatus(), p.preferences(), personalised, paused,
                        suspended));
    }

    /** No maximum now and then (a minimum and a span of 18 or more): an open-ended range takes its own path in the scan. */
    private static Integer maximum(Integer min, int span) {
        if (min == null) {
            return 30 + span;
        }
        return span >= 18 ? null : min + span;
    }

    private Arbitrary<PartnerPreferences> preferences() {
        Arbitrary<Boolean> hard = Arbitraries.of(true, false);
        Arbitrary<Integer> weight = Arbitraries.integers().between(1, 10);
        Arbitrary<RangeCriterion> ages = Combinators.combine(Arbitraries.integers().between(20, 40).injectNull(0.2),
                        Arbitraries.integers().between(0, 20), hard, weight)
                // No maximum now and then (span 18 or more): an open-ended range takes its own path in the scan.
                .as((min, span, h, w) -> new RangeCriterion(min, maximum(min, span), h, w))
                .injectNull(0.3);
        Arbitrary<ChoiceCriterion<Gender>> genders = Combinators.combine(
                        Arbitraries.of(Gender.class).set().ofMinSize(1).ofMaxSize(2), hard.injectNull(0.0), weight)
                .as((accepted, h, w) -> new ChoiceCriterion<>(accepted, h, w)).injectNull(0.2);
        Arbitrary<ChoiceCriterion<String>> cities = Combinators.combine(
                        Arbitraries.of(CITIES).set().ofMinSize(1).ofMaxSize(3), hard, weight)
                .as((accepted, h, w) -> new ChoiceCriterion<>(accepted, h, w)).injectNull(0.4);
        Arbitrary<MinimumEducation> education = Combinators.combine(Arbitraries.of(Education.class), hard, weight)
                .as(MinimumEducation::new).injectNull(0.4);
        Arbitrary<RangeCriterion> heights = Combinators.combine(Arbitraries.integers().between(150, 180).injectNull(0.3),
                        Arbitraries.integers().between(175, 200).injectNull(0.3), hard, weight)
                .as(RangeCriterion::new).injectNull(0.4);
        Arbitrary<ChoiceCriterion<MaritalStatus>> marital = Combinators.combine(
                        Arbitraries.of(MaritalStatus.class).set().ofMinSize(1).ofMaxSize(3), hard, weight)
                .as((accepted, h, w) -> new ChoiceCriterion<>(accepted, h, w)).injectNull(0.4);
        return Combinators.combine(ages, genders, cities, education, heights, marital).as(PartnerPreferences::new);
    }
}
