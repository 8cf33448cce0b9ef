package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.PartnerPreferences;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A matching profile as plain integers and bit sets, for the pool's scan: the same rules as {@link MatchRules}
 * without enum switches, boxed values or hashed sets, so tens of thousands of pairs are checked in a few
 * milliseconds. It must agree with {@link MatchRules} exactly; the pool's properties compare the two on every pair.
 */
final class CompactProfile {

    private static final int AGE = 0;
    private static final int GENDER = 1;
    private static final int CITY = 2;
    private static final int EDUCATION = 3;
    private static final int HEIGHT = 4;
    private static final int MARITAL_STATUS = 5;
    private static final int UNKNOWN = -1;

    /** Cities as small numbers, so an accepted set is a bit set. */
    static final class Cities {
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();

        int id(String city) {
            return city == null ? UNKNOWN : ids.computeIfAbsent(city, c -> next.getAndIncrement());
        }
    }

    // The member's attributes.
    final int gender;
    final int birthKey;
    final int city;
    final int education;
    final int height;
    final int marital;

    // The member's wishes: which criteria are hard, which soft, and each one's test.
    final int hardMask;
    final int softMask;
    final int[] weights = new int[6];
    private final int ageMin;
    private final int ageMax;
    private final int genderMask;
    private final BitSet cities;
    private final int educationMin;
    private final int heightMin;
    private final int heightMax;
    private final int maritalMask;

    CompactProfile(MatchProfile p, Cities ids) {
        gender = p.gender() == null ? UNKNOWN : p.gender().ordinal();
        birthKey = p.birthKey();
        city = ids.id(p.city());
        education = p.education() == null ? UNKNOWN : p.education().ordinal();
        height = p.heightCm() == null ? Integer.MIN_VALUE : p.heightCm();
        marital = p.maritalStatus() == null ? UNKNOWN : p.maritalStatus().ordinal();

        PartnerPreferences w = p.preferences();
        int hard = 0;
        int soft = 0;
        int ageLow = 0;
        int ageHigh = 0;
        if (w.ageYears() != null) {
            ageLow = w.ageYears().min() == null ? Integer.MIN_VALUE : w.ageYears().min();
            ageHigh = w.ageYears().max() == null ? Integer.MAX_VALUE : w.ageYears().max();
            weights[AGE] = clamp(w.ageYears().weight());
            if (w.ageYears().required()) {
                hard |= 1 << AGE;
            } else {
                soft |= 1 << AGE;
            }
        }
        int genders = 0;
        if (w.genders() != null) {
            for (var g : w.genders().accepted()) {
                genders |= 1 << g.ordinal();
            }
            weights[GENDER] = clamp(w.genders().weight());
            if (w.genders().required()) {
                hard |= 1 << GENDER;
            } else {
                soft |= 1 << GENDER;
            }
        }
        BitSet accepted = new BitSet();
        if (w.cities() != null) {
            for (String c : w.cities().accepted()) {
                accepted.set(ids.id(c));
            }
            weights[CITY] = clamp(w.cities().weight());
            if (w.cities().required()) {
                hard |= 1 << CITY;
            } else {
                soft |= 1 << CITY;
            }
        }
        int educationLow = Integer.MAX_VALUE;
        if (w.education() != null) {
            educationLow = w.education().minimum() == null ? Integer.MAX_VALUE : w.education().minimum().ordinal();
            weights[EDUCATION] = clamp(w.education().weight());
            if (w.education().required()) {
                hard |= 1 << EDUCATION;
            } else {
                soft |= 1 << EDUCATION;
            }
        }
        int heightLow = 0;
        int heightHigh = 0;
        if (w.heightCm() != null) {
            heightLow = w.heightCm().min() == null ? Integer.MIN_VALUE : w.heightCm().min();
            heightHigh = w.heightCm().max() == null ? Integer.MAX_VALUE : w.heightCm().max();
            weights[HEIGHT] = clamp(w.heightCm().weight());
            if (w.heightCm().required()) {
                hard |= 1 << HEIGHT;
            } else {
                soft |= 1 << HEIGHT;
            }
        }
        int statuses = 0;
        if (w.maritalStatuses() != null) {
            for (var m : w.maritalStatuses().accepted()) {
                statuses |= 1 << m.ordinal();
            }
            weights[MARITAL_STATUS] = clamp(w.maritalStatuses().weight());
            if (w.maritalStatuses().required()) {
                hard |= 1 << MARITAL_STATUS;
            } else {
                soft |= 1 << MARITAL_STATUS;
            }
        }
        hardMask = hard;
        softMask = soft;
        ageMin = ageLow;
        ageMax = ageHigh;
        genderMask = genders;
        cities = accepted;
        educationMin = educationLow;
        heightMin = heightLow;
        heightMax = heightHigh;
        maritalMask = statuses;
    }

    private static int clamp(int weight) {
        return Math.max(0, Math.min(10, weight));
    }

    /** Whether each meets every hard requirement of the other: {@link MatchRules#match}. */
    static boolean match(CompactProfile a, CompactProfile b, int todayKey) {
        return a.meetsHard(b, todayKey) && b.meetsHard(a, todayKey);
    }

    /** {@link MatchRules#score}, with the agency's weights by criterion index. */
    static double score(CompactProfile a, CompactProfile b, int todayKey, int[] agency) {
        long earned = 0;
        long possible = 0;
        for (int side = 0; side < 2; side++) {
            CompactProfile wishes = side == 0 ? a : b;
            CompactProfile other = side == 0 ? b : a;
            int soft = wishes.softMask;
            while (soft != 0) {
                int c = Integer.numberOfTrailingZeros(soft);
                soft &= soft - 1;
                int weight = wishes.weights[c] * agency[c];
                possible += weight;
                if (wishes.met(c, other, todayKey)) {
                    earned += weight;
                }
            }
        }
        return possible == 0 ? 100.0 : Math.round(earned * 10_000.0 / possible) / 100.0;
    }

    static int[] agency(MatchWeights weights) {
        return new int[] {weights.age(), weights.gender(), weights.city(), weights.education(), weights.height(),
                weights.maritalStatus()};
    }

    private boolean meetsHard(CompactProfile other, int todayKey) {
        int hard = hardMask;
        while (hard != 0) {
            int c = Integer.numberOfTrailingZeros(hard);
            hard &= hard - 1;
            if (!met(c, other, todayKey)) {
                return false;
            }
        }
        return true;
    }

    private boolean met(int criterion, CompactProfile other, int todayKey) {
        switch (criterion) {
            case AGE: {
                int age = MatchRules.age(other.birthKey, todayKey);
                return age >= 0 && age >= ageMin && age <= ageMax;
            }
            case GENDER:
                return other.gender >= 0 && (genderMask >>> other.gender & 1) != 0;
            case CITY:
                return other.city >= 0 && cities.get(other.city);
            case EDUCATION:
                return other.education >= 0 && other.education >= educationMin;
            case HEIGHT:
                return other.height != Integer.MIN_VALUE && other.height >= heightMin && other.height <= heightMax;
            default:
                return other.marital >= 0 && (maritalMask >>> other.marital & 1) != 0;
        }
    }
}
