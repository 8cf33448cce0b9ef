package com.matchmaking.readmodels.matching;

import java.util.BitSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import static com.matchmaking.readmodels.matching.CompactProfile.NO_HEIGHT;

/**
 * One partition of the pool as parallel arrays of plain integers, one array per attribute and per wish, in the
 * partition's order (by birth date). The scan reads them front to back, so a pair costs a dozen comparisons on data
 * already in the CPU's cache instead of a walk over objects; at 100,000 members that is what keeps a search within a
 * millisecond or two. The rules are {@link MatchRules}'s, with {@link CompactProfile}'s encoding; the pool's properties
 * check the two agree on every pair.
 */
final class ProfileColumns {

    private final MatchProfile[] profiles;
    private final long[] idHigh;
    private final long[] idLow;
    private final int[] birthKey;
    private final int[] gender;
    private final int[] city;
    private final int[] education;
    private final int[] height;
    private final int[] marital;
    private final int[] hard;
    private final int[] soft;
    private final int[] weights;
    private final int[] ageMin;
    private final int[] ageMax;
    private final int[] genderMask;
    private final long[] cityBits;
    private final BitSet[] cityOverflow;
    private final int[] educationMin;
    private final int[] heightMin;
    private final int[] heightMax;
    private final int[] maritalMask;

    ProfileColumns(MatchProfile[] profiles, CompactProfile.Cities cities) {
        int n = profiles.length;
        this.profiles = profiles;
        idHigh = new long[n];
        idLow = new long[n];
        birthKey = new int[n];
        gender = new int[n];
        city = new int[n];
        education = new int[n];
        height = new int[n];
        marital = new int[n];
        hard = new int[n];
        soft = new int[n];
        weights = new int[n];
        ageMin = new int[n];
        ageMax = new int[n];
        genderMask = new int[n];
        cityBits = new long[n];
        cityOverflow = new BitSet[n];
        educationMin = new int[n];
        heightMin = new int[n];
        heightMax = new int[n];
        maritalMask = new int[n];
        for (int i = 0; i < n; i++) {
            CompactProfile c = new CompactProfile(profiles[i], cities);
            idHigh[i] = profiles[i].memberId().getMostSignificantBits();
            idLow[i] = profiles[i].memberId().getLeastSignificantBits();
            birthKey[i] = c.birthKey;
            gender[i] = c.gender;
            city[i] = c.city;
            education[i] = c.education;
            height[i] = c.height;
            marital[i] = c.marital;
            hard[i] = c.hardMask;
            soft[i] = c.softMask;
            weights[i] = c.packedWeights();
            ageMin[i] = c.ageMin;
            ageMax[i] = c.ageMax;
            genderMask[i] = c.genderMask;
            cityBits[i] = c.cityBits;
            cityOverflow[i] = c.cityOverflow;
            educationMin[i] = c.educationMin;
            heightMin[i] = c.heightMin;
            heightMax[i] = c.heightMax;
            maritalMask[i] = c.maritalMask;
        }
    }

    int size() {
        return profiles.length;
    }

    /** The birth keys in partition order, for the binary search that narrows a scan to an age range. */
    int[] birthKeys() {
        return birthKey;
    }

    /**
     * Offers every reciprocal match in {@code [from, to)} to the queue, which keeps the best {@code limit} in
     * {@link CandidatePool#order} with the worst at its head. A pair is turned into an object only if it enters.
     */
    void scan(Seeker me, int from, int to, Set<UUID> excluded, PriorityQueue<CandidatePool.Ranked> worstFirst,
              int limit) {
        CompactProfile wishes = me.profile;
        int todayKey = me.todayKey;
        int myHard = wishes.hardMask;
        boolean full = false;
        double worstScore = 0;
        long worstNeutral = 0;
        long worstHigh = 0;
        long worstLow = 0;
        if (worstFirst.size() >= limit) {
            full = true;
            CandidatePool.Ranked worst = worstFirst.peek();
            worstScore = worst.score();
            worstNeutral = worst.neutral();
            worstHigh = worst.profile().memberId().getMostSignificantBits();
            worstLow = worst.profile().memberId().getLeastSignificantBits();
        }
        for (int i = from; i < to; i++) {
            // What the seeker wishes for, met by the candidate: one bit per criterion.
            int met = 0;
            int age = MatchRules.age(birthKey[i], todayKey);
            if (age >= 0 && age >= wishes.ageMin && age <= wishes.ageMax) {
                met = 1 << CompactProfile.AGE;
            }
            int g = gender[i];
            if (g >= 0 && (wishes.genderMask >>> g & 1) != 0) {
                met |= 1 << CompactProfile.GENDER;
            }
            if (wishes.acceptsCity(city[i])) {
                met |= 1 << CompactProfile.CITY;
            }
            int e = education[i];
            if (e >= 0 && e >= wishes.educationMin) {
                met |= 1 << CompactProfile.EDUCATION;
            }
            int h = height[i];
            if (h != NO_HEIGHT && h >= wishes.heightMin && h <= wishes.heightMax) {
                met |= 1 << CompactProfile.HEIGHT;
            }
            int m = marital[i];
            if (m >= 0 && (wishes.maritalMask >>> m & 1) != 0) {
                met |= 1 << CompactProfile.MARITAL_STATUS;
            }
            if ((myHard & ~met) != 0) {
                continue;
            }
            // What the candidate wishes for, met by the seeker.
            int theirs = 0;
            if (me.age >= 0 && me.age >= ageMin[i] && me.age <= ageMax[i]) {
                theirs = 1 << CompactProfile.AGE;
            }
            if (me.gender >= 0 && (genderMask[i] >>> me.gender & 1) != 0) {
                theirs |= 1 << CompactProfile.GENDER;
            }
            if (acceptsCity(i, me.city)) {
                theirs |= 1 << CompactProfile.CITY;
            }
            if (me.education >= 0 && me.education >= educationMin[i]) {
                theirs |= 1 << CompactProfile.EDUCATION;
            }
            if (me.height != NO_HEIGHT && me.height >= heightMin[i] && me.height <= heightMax[i]) {
                theirs |= 1 << CompactProfile.HEIGHT;
            }
            if (me.marital >= 0 && (maritalMask[i] >>> me.marital & 1) != 0) {
                theirs |= 1 << CompactProfile.MARITAL_STATUS;
            }
            if ((hard[i] & ~theirs) != 0) {
                continue;
            }

            // Ties are common (many pairs meet every soft wish), so the queue's worst is compared as plain numbers:
            // by score or rank, then by member id as UUID.compareTo orders them.
            double score = 0;
            long neutral = 0;
            if (me.personalised) {
                score = score(me, met, theirs, i);
                if (full && (score < worstScore || score == worstScore && after(i, worstHigh, worstLow))) {
                    continue;
                }
            } else {
                neutral = MatchRules.neutralRank(me.idHigh, me.idLow, idHigh[i], idLow[i]);
                if (full && (neutral > worstNeutral || neutral == worstNeutral && after(i, worstHigh, worstLow))) {
                    continue;
                }
            }
            if (idHigh[i] == me.idHigh && idLow[i] == me.idLow
                    || !excluded.isEmpty() && excluded.contains(profiles[i].memberId())) {
                continue;
            }
            if (full) {
                worstFirst.poll();
            }
            worstFirst.add(new CandidatePool.Ranked(profiles[i], score, neutral));
            full = worstFirst.size() >= limit;
            if (full) {
                CandidatePool.Ranked worst = worstFirst.peek();
                worstScore = worst.score();
                worstNeutral = worst.neutral();
                worstHigh = worst.profile().memberId().getMostSignificantBits();
                worstLow = worst.profile().memberId().getLeastSignificantBits();
            }
        }
    }

    /** Whether member i comes after the given id in {@link UUID#compareTo}'s order (signed, high bits first). */
    private boolean after(int i, long high, long low) {
        int byHigh = Long.compare(idHigh[i], high);
        return byHigh > 0 || byHigh == 0 && Long.compare(idLow[i], low) > 0;
    }

    /** {@link MatchRules#score}: the soft wishes of both sides that are met, weighted, as a share of all of them. */
    private double score(Seeker me, int met, int theirs, int i) {
        long earned = me.earnedByMet[met & me.profile.softMask];
        long possible = me.possible;
        int wishes = soft[i];
        int packed = weights[i];
        while (wishes != 0) {
            int c = Integer.numberOfTrailingZeros(wishes);
            wishes &= wishes - 1;
            int weight = (packed >>> 4 * c & 15) * me.agency[c];
            possible += weight;
            if ((theirs >>> c & 1) != 0) {
                earned += weight;
            }
        }
        return possible == 0 ? 100.0 : Math.round(earned * 10_000.0 / possible) / 100.0;
    }

    private boolean acceptsCity(int i, int cityId) {
        return cityId >= 0 && (cityId < 64 ? (cityBits[i] >>> cityId & 1) != 0
                : cityOverflow[i] != null && cityOverflow[i].get(cityId));
    }

    /** The seeker, worked out once per search: their attributes, wishes and the weighted sums of their soft wishes. */
    static final class Seeker {
        final CompactProfile profile;
        final long idHigh;
        final long idLow;
        final int todayKey;
        final boolean personalised;
        final int age;
        final int gender;
        final int city;
        final int education;
        final int height;
        final int marital;
        final int[] agency;
        /** For every combination of met criteria, the weights the seeker's soft wishes earn from it. */
        final long[] earnedByMet = new long[64];
        final long possible;

        Seeker(MatchProfile seeker, CompactProfile.Cities cities, int todayKey, MatchWeights weights,
               boolean personalised) {
            profile = new CompactProfile(seeker, cities);
            UUID id = seeker.memberId();
            idHigh = id.getMostSignificantBits();
            idLow = id.getLeastSignificantBits();
            this.todayKey = todayKey;
            this.personalised = personalised;
            age = MatchRules.age(profile.birthKey, todayKey);
            gender = profile.gender;
            city = profile.city;
            education = profile.education;
            height = profile.height;
            marital = profile.marital;
            agency = CompactProfile.agency(weights);
            long all = 0;
            for (int c = 0; c < 6; c++) {
                if ((profile.softMask >>> c & 1) != 0) {
                    all += (long) profile.weights[c] * agency[c];
                }
            }
            possible = all;
            for (int mask = 0; mask < 64; mask++) {
                long sum = 0;
                for (int c = 0; c < 6; c++) {
                    if ((mask >>> c & 1) != 0) {
                        sum += (long) profile.weights[c] * agency[c];
                    }
                }
                earnedByMet[mask] = sum;
            }
        }
    }
}
