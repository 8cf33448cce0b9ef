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

    private static final int AGE = 1 << CompactProfile.AGE;
    private static final int GENDER = 1 << CompactProfile.GENDER;
    private static final int CITY = 1 << CompactProfile.CITY;
    private static final int EDUCATION = 1 << CompactProfile.EDUCATION;
    private static final int HEIGHT = 1 << CompactProfile.HEIGHT;
    private static final int MARITAL_STATUS = 1 << CompactProfile.MARITAL_STATUS;

    private final MatchProfile[] profiles;
    private final long[] revisions;
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

    ProfileColumns(MatchingStore.Versioned[] versioned, CompactProfile.Cities cities) {
        int n = versioned.length;
        profiles = new MatchProfile[n];
        revisions = new long[n];
        for (int i = 0; i < n; i++) {
            profiles[i] = versioned[i].profile();
            revisions[i] = versioned[i].revision();
        }
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
        int myHard = wishes.hardMask;
        // The page's worst once the page is full (an earlier partition may have filled it), else null.
        CandidatePool.Ranked worst = worstFirst.size() >= limit ? worstFirst.peek() : null;
        int need = me.personalised ? wishes.hardMask | wishes.softMask : wishes.hardMask;
        boolean needAge = (need & AGE) != 0;
        boolean needGender = (need & GENDER) != 0;
        boolean needCity = (need & CITY) != 0;
        boolean needEducation = (need & EDUCATION) != 0;
        boolean needHeight = (need & HEIGHT) != 0;
        boolean needMarital = (need & MARITAL_STATUS) != 0;
        for (int i = from; i < to; i++) {
            // What the seeker wishes for, met by the candidate: one bit per criterion; a hard one not met ends it.
            int met = 0;
            if (needAge) {
                int birth = birthKey[i];
                if (birth > me.bornAfter && birth <= me.bornBy) {
                    met = AGE;
                } else if ((myHard & AGE) != 0) {
                    continue;
                }
            }
            if (needGender) {
                int g = gender[i];
                if (g >= 0 && (wishes.genderMask >>> g & 1) != 0) {
                    met |= GENDER;
                } else if ((myHard & GENDER) != 0) {
                    continue;
                }
            }
            if (needCity) {
                if (wishes.acceptsCity(city[i])) {
                    met |= CITY;
                } else if ((myHard & CITY) != 0) {
                    continue;
                }
            }
            if (needEducation) {
                int e = education[i];
                if (e >= 0 && e >= wishes.educationMin) {
                    met |= EDUCATION;
                } else if ((myHard & EDUCATION) != 0) {
                    continue;
                }
            }
            if (needHeight) {
                int h = height[i];
                if (h != NO_HEIGHT && h >= wishes.heightMin && h <= wishes.heightMax) {
                    met |= HEIGHT;
                } else if ((myHard & HEIGHT) != 0) {
                    continue;
                }
            }
            if (needMarital) {
                int m = marital[i];
                if (m >= 0 && (wishes.maritalMask >>> m & 1) != 0) {
                    met |= MARITAL_STATUS;
                } else if ((myHard & MARITAL_STATUS) != 0) {
                    continue;
                }
            }
            // What the candidate wishes for, met by the seeker.
            int theirs = 0;
            if (me.age >= 0 && me.age >= ageMin[i] && me.age <= ageMax[i]) {
                theirs = AGE;
            }
            if (me.gender >= 0 && (genderMask[i] >>> me.gender & 1) != 0) {
                theirs |= GENDER;
            }
            if (acceptsCity(i, me.city)) {
                theirs |= CITY;
            }
            if (me.education >= 0 && me.education >= educationMin[i]) {
                theirs |= EDUCATION;
            }
            if (me.height != NO_HEIGHT && me.height >= heightMin[i] && me.height <= heightMax[i]) {
                theirs |= HEIGHT;
            }
            if (me.marital >= 0 && (maritalMask[i] >>> me.marital & 1) != 0) {
                theirs |= MARITAL_STATUS;
            }
            if ((hard[i] & ~theirs) != 0) {
                continue;
            }

            // Ties are common (many pairs meet every soft wish), so a pair is compared with the page's worst as plain
            // numbers first: by score or rank, then by member id as UUID.compareTo orders them.
            double score = 0;
            long neutral = 0;
            if (me.personalised) {
                score = score(me, met, theirs, i);
                if (worst != null && (score < worst.score() || score == worst.score() && after(i, worst))) {
                    continue;
                }
            } else {
                neutral = MatchRules.neutralRank(me.idHigh, me.idLow, idHigh[i], idLow[i]);
                if (worst != null && (neutral > worst.neutral() || neutral == worst.neutral() && after(i, worst))) {
                    continue;
                }
            }
            if (idHigh[i] == me.idHigh && idLow[i] == me.idLow
                    || !excluded.isEmpty() && excluded.contains(profiles[i].memberId())) {
                continue;
            }
            if (worst != null) {
                worstFirst.poll();
            }
            worstFirst.add(new CandidatePool.Ranked(profiles[i], score, neutral, revisions[i]));
            worst = worstFirst.size() >= limit ? worstFirst.peek() : null;
        }
    }

    /** Whether member i comes after the ranked member in {@link UUID#compareTo}'s order (signed, high bits first). */
    private boolean after(int i, CandidatePool.Ranked ranked) {
        UUID id = ranked.profile().memberId();
        int byHigh = Long.compare(idHigh[i], id.getMostSignificantBits());
        return byHigh > 0 || byHigh == 0 && Long.compare(idLow[i], id.getLeastSignificantBits()) > 0;
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
        final boolean personalised;
        /** The seeker's age wish as birth keys: met by a birth key in {@code (bornAfter, bornBy]}; no division. */
        final int bornAfter;
        final int bornBy;
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
            this.personalised = personalised;
            // age >= min  <=>  birth <= today - min years;  age <= max  <=>  birth > today - (max + 1) years; an unknown
            // birth date (Integer.MIN_VALUE) and one after today are never met, as MatchRules.age has them. No maximum
            // (Integer.MAX_VALUE) clamps to Integer.MIN_VALUE, which still leaves the unknown birth date out.
            long by = todayKey - 10_000L * Math.max(0, profile.ageMin);
            long after = todayKey - 10_000L * (profile.ageMax + 1L);
            bornBy = (int) Math.max(Integer.MIN_VALUE, Math.min(todayKey, by));
            bornAfter = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, after));
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
