package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.PartnerPreferences;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A matching profile as plain integers and bit masks, the form {@link ProfileColumns} lays out for the pool's scan:
 * no enums, boxed values or hashed sets. Absent bounds are widened here once (a missing maximum is
 * {@code Integer.MAX_VALUE}), so the scan compares without asking what is missing. It must agree with
 * {@link MatchRules} exactly; the pool's properties compare the two on every pair.
 */
final class CompactProfile {

    static final int AGE = 0;
    static final int GENDER = 1;
    static final int CITY = 2;
    static final int EDUCATION = 3;
    static final int HEIGHT = 4;
    static final int MARITAL_STATUS = 5;
    static final int UNKNOWN = -1;
    static final int NO_HEIGHT = Integer.MIN_VALUE;

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
    final int ageMin;
    final int ageMax;
    final int genderMask;
    // Accepted cities: ids below 64 as bits, any others (an agency in more than 64 cities) in a bit set.
    final long cityBits;
    final BitSet cityOverflow;
    final int educationMin;
    final int heightMin;
    final int heightMax;
    final int maritalMask;

    CompactProfile(MatchProfile p, Cities ids) {
        gender = p.gender() == null ? UNKNOWN : p.gender().ordinal();
        birthKey = p.birthKey();
        city = ids.id(p.city());
        education = p.education() == null ? UNKNOWN : p.education().ordinal();
        height = p.heightCm() == null ? NO_HEIGHT : p.heightCm();
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
        long acceptedBits = 0;
        BitSet overflow = null;
        if (w.cities() != null) {
            for (String c : w.cities().accepted()) {
                int id = ids.id(c);
                if (id < 64) {
                    acceptedBits |= 1L << id;
                } else {
                    if (overflow == null) {
                        overflow = new BitSet();
                    }
                    overflow.set(id);
                }
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
        // Without consent to personalised recommendations a member's soft wishes count in no score (MatchRules).
        softMask = p.personalised() ? soft : 0;
        ageMin = ageLow;
        ageMax = ageHigh;
        genderMask = genders;
        cityBits = acceptedBits;
        cityOverflow = overflow;
        educationMin = educationLow;
        heightMin = heightLow;
        heightMax = heightHigh;
        maritalMask = statuses;
    }

    private static int clamp(int weight) {
        return Math.max(0, Math.min(10, weight));
    }

    static int[] agency(MatchWeights weights) {
        return new int[] {weights.age(), weights.gender(), weights.city(), weights.education(), weights.height(),
                weights.maritalStatus()};
    }

    /** Whether the city (an id of {@link Cities}) is among those this member accepts. */
    boolean acceptsCity(int cityId) {
        return cityId >= 0 && (cityId < 64 ? (cityBits >>> cityId & 1) != 0
                : cityOverflow != null && cityOverflow.get(cityId));
    }

    /** The weights of the six criteria, four bits each, the age's lowest. */
    int packedWeights() {
        int packed = 0;
        for (int c = 0; c < weights.length; c++) {
            packed |= weights[c] << 4 * c;
        }
        return packed;
    }
}
