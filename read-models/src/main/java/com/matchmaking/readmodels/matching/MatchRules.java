package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.PartnerPreferences;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reciprocal matching of two members, free of storage and time: the date that ages are computed for is passed in.
 * Two members match when each meets every hard requirement of the other. The score sums both sides' soft wishes, each
 * the member's weight times the agency's: 100 times what the met wishes weigh over what all of them weigh, 100 when
 * neither side has a soft wish (nothing wished is missing). It is the same seen from either side. A member who has not
 * consented to personalised recommendations has their soft wishes left out of every score, their own and others': using
 * them to rank is the personalisation they said no to. Their hard requirements still filter, as plain filters.
 */
public final class MatchRules {

    private static final MatchCriterion[] CRITERIA = MatchCriterion.values();

    private MatchRules() {
    }

    /** Whether each of the two meets every hard requirement of the other. */
    public static boolean match(MatchProfile a, MatchProfile b, LocalDate today) {
        return match(a, b, MatchProfile.dateKey(today));
    }

    static boolean match(MatchProfile a, MatchProfile b, int todayKey) {
        return meetsHard(a.preferences(), b, todayKey) && meetsHard(b.preferences(), a, todayKey);
    }

    /** The score of the pair, 0 to 100, whether or not they match. */
    public static double score(MatchProfile a, MatchProfile b, LocalDate today, MatchWeights weights) {
        return score(a, b, MatchProfile.dateKey(today), weights);
    }

    static double score(MatchProfile a, MatchProfile b, int todayKey, MatchWeights weights) {
        long[] sums = new long[2];
        if (a.personalised()) {
            addSoft(a.preferences(), b, todayKey, weights, sums);
        }
        if (b.personalised()) {
            addSoft(b.preferences(), a, todayKey, weights, sums);
        }
        return sums[1] == 0 ? 100.0 : Math.round(sums[0] * 10_000.0 / sums[1]) / 100.0;
    }

    /**
     * The seeker and a candidate evaluated with every criterion of both sides. Not personalised: only the hard
     * requirements are listed and nothing is scored. The soft wishes of a candidate without consent to personalised
     * recommendations are not listed either: they counted for nothing.
     */
    public static Evaluation evaluate(MatchProfile seeker, MatchProfile candidate, LocalDate today, MatchWeights weights,
                                      boolean personalised) {
        int todayKey = MatchProfile.dateKey(today);
        return new Evaluation(match(seeker, candidate, todayKey), personalised,
                personalised ? score(seeker, candidate, todayKey, weights) : null,
                checks(seeker.preferences(), candidate, todayKey, weights, personalised),
                checks(candidate.preferences(), seeker, todayKey, weights, personalised && candidate.personalised()));
    }

    /** Whole years between the birth date and the day, or -1 when the birth date is unknown. */
    public static int age(LocalDate birthDate, LocalDate today) {
        return birthDate == null ? -1 : age(MatchProfile.dateKey(birthDate), MatchProfile.dateKey(today));
    }

    static int age(int birthKey, int todayKey) {
        return birthKey == Integer.MIN_VALUE || birthKey > todayKey ? -1 : (todayKey - birthKey) / 10_000;
    }

    private static List<CriterionCheck> checks(PartnerPreferences wishes, MatchProfile other, int todayKey,
                                               MatchWeights weights, boolean personalised) {
        List<CriterionCheck> checks = new ArrayList<>(CRITERIA.length);
        for (MatchCriterion criterion : CRITERIA) {
            Boolean hard = hard(wishes, criterion);
            if (hard == null || (!hard && !personalised)) {
                continue;
            }
            int weight = hard ? 0 : memberWeight(wishes, criterion) * weights.of(criterion);
            checks.add(new CriterionCheck(criterion, hard, weight, met(wishes, criterion, other, todayKey)));
        }
        return checks;
    }

    private static boolean meetsHard(PartnerPreferences wishes, MatchProfile other, int todayKey) {
        for (MatchCriterion criterion : CRITERIA) {
            if (Boolean.TRUE.equals(hard(wishes, criterion)) && !met(wishes, criterion, other, todayKey)) {
                return false;
            }
        }
        return true;
    }

    private static void addSoft(PartnerPreferences wishes, MatchProfile other, int todayKey, MatchWeights weights,
                                long[] sums) {
        for (MatchCriterion criterion : CRITERIA) {
            if (Boolean.FALSE.equals(hard(wishes, criterion))) {
                int weight = memberWeight(wishes, criterion) * weights.of(criterion);
                sums[1] += weight;
                if (met(wishes, criterion, other, todayKey)) {
                    sums[0] += weight;
                }
            }
        }
    }

    /** {@code null} when the member has no preference on the criterion. */
    private static Boolean hard(PartnerPreferences p, MatchCriterion criterion) {
        return switch (criterion) {
            case AGE -> p.ageYears() == null ? null : p.ageYears().required();
            case GENDER -> p.genders() == null ? null : p.genders().required();
            case CITY -> p.cities() == null ? null : p.cities().required();
            case EDUCATION -> p.education() == null ? null : p.education().required();
            case HEIGHT -> p.heightCm() == null ? null : p.heightCm().required();
            case MARITAL_STATUS -> p.maritalStatuses() == null ? null : p.maritalStatuses().required();
        };
    }

    private static int memberWeight(PartnerPreferences p, MatchCriterion criterion) {
        int weight = switch (criterion) {
            case AGE -> p.ageYears().weight();
            case GENDER -> p.genders().weight();
            case CITY -> p.cities().weight();
            case EDUCATION -> p.education().weight();
            case HEIGHT -> p.heightCm().weight();
            case MARITAL_STATUS -> p.maritalStatuses().weight();
        };
        // Weights outside 1 to 10 cannot come through the API; clamp rather than let one wish swamp the rest.
        return Math.max(0, Math.min(10, weight));
    }

    private static boolean met(PartnerPreferences p, MatchCriterion criterion, MatchProfile other, int todayKey) {
        return switch (criterion) {
            case AGE -> {
                int age = age(other.birthKey(), todayKey);
                yield age >= 0 && p.ageYears().accepts(age);
            }
            case GENDER -> other.gender() != null && p.genders().accepts(other.gender());
            case CITY -> other.city() != null && p.cities().accepts(other.city());
            case EDUCATION -> other.education() != null && p.education().minimum() != null
                    && p.education().accepts(other.education());
            case HEIGHT -> other.heightCm() != null && p.heightCm().accepts(other.heightCm());
            case MARITAL_STATUS -> other.maritalStatus() != null && p.maritalStatuses().accepts(other.maritalStatus());
        };
    }

    /**
     * The order of non-personalised suggestions: neutral (nothing of either profile counts) yet the same for the same
     * two members, and different seekers see the pool in different orders.
     */
    static long neutralRank(UUID seeker, UUID candidate) {
        return neutralRank(seeker.getMostSignificantBits(), seeker.getLeastSignificantBits(),
                candidate.getMostSignificantBits(), candidate.getLeastSignificantBits());
    }

    static long neutralRank(long seekerHigh, long seekerLow, long candidateHigh, long candidateLow) {
        long x = seekerHigh * 0x9E3779B97F4A7C15L ^ seekerLow ^ Long.rotateLeft(candidateHigh, 17) ^ candidateLow * 31;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb93fe5bd1a2fL;
        return x ^ (x >>> 33);
    }
}
