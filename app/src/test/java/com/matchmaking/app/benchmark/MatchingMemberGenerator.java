package com.matchmaking.app.benchmark;

import com.matchmaking.schema.consent.ConsentPurpose;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PartnerPreferences.ChoiceCriterion;
import com.matchmaking.schema.member.PartnerPreferences.MinimumEducation;
import com.matchmaking.schema.member.PartnerPreferences.RangeCriterion;
import com.matchmaking.schema.member.Profile;
import com.matchmaking.schema.member.RegisterMember;
import com.matchmaking.schema.member.UpdatePreferences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Members with the distributions a Chinese marriage agency sees: ages 22 to 50 skewed to the late twenties, cities
 * weighted by size among 30, education, heights by gender, mostly never married; preferences mixing hard requirements
 * and soft wishes, most looking for the other gender, near their own age and city.
 */
final class MatchingMemberGenerator {

    private static final List<String> CITIES = List.of("北京", "上海", "广州", "深圳", "成都", "杭州", "重庆", "武汉",
            "西安", "南京", "天津", "苏州", "长沙", "郑州", "东莞", "青岛", "沈阳", "宁波", "昆明", "合肥", "佛山",
            "无锡", "厦门", "哈尔滨", "济南", "福州", "大连", "温州", "南宁", "长春");
    private static final int[] CITY_WEIGHTS = {12, 12, 9, 9, 8, 7, 7, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2,
            2, 2, 2, 2, 1, 1};
    private static final int[] EDUCATION_WEIGHTS = {15, 20, 40, 20, 5};
    private static final int[] MARITAL_WEIGHTS = {75, 22, 3};

    private final SplittableRandom random;
    private final String runTag;
    private final int cityTotal;

    MatchingMemberGenerator(long seed, String runTag) {
        this.random = new SplittableRandom(seed);
        this.runTag = runTag;
        int total = 0;
        for (int weight : CITY_WEIGHTS) {
            total += weight;
        }
        this.cityTotal = total;
    }

    /** A member's registration and their preferences. */
    record Generated(RegisterMember registration, UpdatePreferences preferences) {
    }

    Generated member(int index, LocalDate today, Instant now, String passwordHash) {
        // From the seed, like everything else here, so a kept database's members are known to a later run.
        UUID memberId = new UUID((random.nextLong() & ~0xf000L) | 0x4000L,
                (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
        Gender gender = random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
        // Skewed towards the late twenties: most members are 25 to 35, fewer towards 50.
        int age = 22 + (int) Math.floor(28 * Math.pow(random.nextDouble(), 1.8));
        LocalDate birthDate = today.minusYears(age).minusDays(random.nextInt(365));
        String city = city();
        Education education = Education.values()[weighted(EDUCATION_WEIGHTS)];
        int height = (int) Math.round(gender == Gender.FEMALE ? 161 + 6 * gaussian() : 172 + 7 * gaussian());
        height = Math.max(145, Math.min(200, height));
        MaritalStatus marital = MaritalStatus.values()[weighted(MARITAL_WEIGHTS)];
        Profile profile = new Profile("会员" + index, "m" + index + "." + runTag + "@example.com",
                "+861" + (3 + random.nextInt(7)) + String.format("%09d", index % 1_000_000_000L),
                null, gender, birthDate, city, marital, education, null, height, null, null);
        Set<ConsentPurpose> consents = random.nextInt(100) < 85
                ? EnumSet.of(ConsentPurpose.PERSONALISED_RECOMMENDATIONS) : EnumSet.noneOf(ConsentPurpose.class);
        RegisterMember registration = new RegisterMember(memberId, profile, passwordHash, MemberGenerator.POLICY_VERSION,
                consents, now, "zh-CN", "a".repeat(64));
        return new Generated(registration, new UpdatePreferences(memberId, preferences(gender, age, city, education), now));
    }

    private PartnerPreferences preferences(Gender gender, int age, String city, Education education) {
        Gender other = gender == Gender.FEMALE ? Gender.MALE : Gender.FEMALE;
        ChoiceCriterion<Gender> genders = random.nextInt(100) < 97
                ? new ChoiceCriterion<>(Set.of(other), true, 0) : new ChoiceCriterion<>(Set.of(other), false, 8);
        boolean woman = gender == Gender.FEMALE;
        RangeCriterion ages = random.nextInt(100) < 90
                ? new RangeCriterion(Math.max(20, age - (woman ? 2 : 8) - random.nextInt(3)),
                age + (woman ? 8 : 3) + random.nextInt(3), random.nextInt(100) < 60, 1 + random.nextInt(10))
                : null;
        ChoiceCriterion<String> cities = null;
        if (random.nextInt(100) < 60) {
            Set<String> accepted = new LinkedHashSet<>();
            accepted.add(city);
            for (int i = random.nextInt(3); i > 0; i--) {
                accepted.add(city());
            }
            cities = new ChoiceCriterion<>(accepted, random.nextInt(100) < 40, 1 + random.nextInt(10));
        }
        MinimumEducation minimum = random.nextInt(100) < 50
                ? new MinimumEducation(Education.values()[Math.max(0, education.ordinal() - (woman ? 0 : 1))],
                random.nextInt(100) < 30, 1 + random.nextInt(10))
                : null;
        RangeCriterion heights = null;
        if (random.nextInt(100) < 50) {
            heights = woman
                    ? new RangeCriterion(165 + random.nextInt(11), null, random.nextInt(100) < 30, 1 + random.nextInt(10))
                    : new RangeCriterion(null, 165 + random.nextInt(11), random.nextInt(100) < 30, 1 + random.nextInt(10));
        }
        ChoiceCriterion<MaritalStatus> marital = random.nextInt(100) < 40
                ? new ChoiceCriterion<>(random.nextBoolean() ? Set.of(MaritalStatus.NEVER_MARRIED)
                : Set.of(MaritalStatus.NEVER_MARRIED, MaritalStatus.DIVORCED), random.nextInt(100) < 50, 1 + random.nextInt(10))
                : null;
        return new PartnerPreferences(ages, genders, cities, minimum, heights, marital);
    }

    private String city() {
        int pick = random.nextInt(cityTotal);
        for (int i = 0; i < CITY_WEIGHTS.length; i++) {
            pick -= CITY_WEIGHTS[i];
            if (pick < 0) {
                return CITIES.get(i);
            }
        }
        return CITIES.get(0);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return 0;
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
