package com.matchmaking.readmodels.matching;

import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;
import com.matchmaking.schema.member.PartnerPreferences;
import com.matchmaking.schema.member.PartnerPreferences.ChoiceCriterion;
import com.matchmaking.schema.member.PartnerPreferences.MinimumEducation;
import com.matchmaking.schema.member.PartnerPreferences.RangeCriterion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MatchRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final MatchWeights WEIGHTS = MatchWeights.DEFAULT;

    @Test
    void aCandidateWhoFailsOneOfTheSeekersHardRequirementsIsNoMatch() {
        MatchProfile seeker = woman(30, prefs(new RangeCriterion(25, 35, true, 0), maleOnly(), null, null, null, null));
        MatchProfile tooOld = man(36, PartnerPreferences.NONE);
        MatchProfile rightAge = man(35, PartnerPreferences.NONE);

        assertThat(MatchRules.match(seeker, tooOld, TODAY)).isFalse();
        assertThat(MatchRules.match(seeker, rightAge, TODAY)).isTrue();
    }

    @Test
    void theCandidatesHardRequirementsRuleOutTheSeekerJustAsTheSeekersRuleOutTheCandidate() {
        MatchProfile seeker = woman(30, prefs(null, maleOnly(), null, null, null, null));
        MatchProfile wantsADoctor = man(32, prefs(null, null, null, new MinimumEducation(Education.DOCTORATE, true, 0),
                null, null));

        assertThat(MatchRules.match(seeker, wantsADoctor, TODAY)).isFalse();
        assertThat(MatchRules.match(wantsADoctor, seeker, TODAY)).isFalse();
    }

    @Test
    void softWishesOfBothSidesMakeTheScoreWithTheAgencysWeights() {
        // Seeker: education soft weight 5 (agency 2) = 10, met; city soft weight 2 (agency 3) = 6, not met.
        MatchProfile seeker = woman(30, prefs(null, null, new ChoiceCriterion<>(Set.of("Chengdu"), false, 2),
                new MinimumEducation(Education.MASTER, false, 5), null, null));
        // Candidate: height soft weight 4 (agency 1) = 4, met.
        MatchProfile candidate = man(31, prefs(null, null, null, null, new RangeCriterion(160, null, false, 4), null));

        assertThat(MatchRules.score(seeker, candidate, TODAY, WEIGHTS)).isEqualTo(70.0); // (10 + 4) / (10 + 6 + 4)
        assertThat(MatchRules.score(candidate, seeker, TODAY, WEIGHTS)).as("the same from either side").isEqualTo(70.0);
    }

    @Test
    void anAgencyWeightOfZeroLeavesTheCriterionOutOfTheScore() {
        MatchProfile seeker = woman(30, prefs(null, null, new ChoiceCriterion<>(Set.of("Chengdu"), false, 9),
                new MinimumEducation(Education.MASTER, false, 5), null, null));
        MatchProfile candidate = man(31, PartnerPreferences.NONE);

        assertThat(MatchRules.score(seeker, candidate, TODAY, new MatchWeights(3, 2, 0, 2, 1, 2))).isEqualTo(100.0);
    }

    @Test
    void withNoSoftWishOnEitherSideNothingWishedIsMissingAndTheScoreIsHundred() {
        assertThat(MatchRules.score(woman(30, PartnerPreferences.NONE), man(30, PartnerPreferences.NONE), TODAY, WEIGHTS))
                .isEqualTo(100.0);
    }

    @Test
    void aMissingAttributeMeetsNoCriterion() {
        MatchProfile seeker = woman(30, prefs(null, null, null, null, new RangeCriterion(170, null, true, 0), null));
        MatchProfile noHeight = new MatchProfile(UUID.randomUUID(), Gender.MALE, TODAY.minusYears(30), "Beijing",
                Education.MASTER, null, MaritalStatus.NEVER_MARRIED, PartnerPreferences.NONE, true, false, false);

        assertThat(MatchRules.match(seeker, noHeight, TODAY)).isFalse();
    }

    @Test
    void ageIsInWholeYearsOnTheDayPassedIn() {
        LocalDate birth = LocalDate.of(1996, 11, 30);

        assertThat(MatchRules.age(birth, TODAY)).isEqualTo(29);
        assertThat(MatchRules.age(birth, TODAY.plusDays(1))).isEqualTo(30);
        assertThat(MatchRules.age(LocalDate.of(2000, 2, 29), LocalDate.of(2021, 2, 28))).isEqualTo(20);
        assertThat(MatchRules.age(LocalDate.of(2000, 2, 29), LocalDate.of(2021, 3, 1))).isEqualTo(21);
    }

    @Test
    void theExplanationListsEveryCriterionOfBothSidesWithWhetherItWasMet() {
        MatchProfile seeker = woman(30, prefs(new RangeCriterion(25, 40, true, 0), maleOnly(),
                new ChoiceCriterion<>(Set.of("Chengdu"), false, 2), null, null, null));
        MatchProfile candidate = man(31, prefs(null, new ChoiceCriterion<>(Set.of(Gender.FEMALE), true, 0), null, null,
                null, new ChoiceCriterion<>(Set.of(MaritalStatus.DIVORCED), false, 3)));

        Evaluation evaluation = MatchRules.evaluate(seeker, candidate, TODAY, WEIGHTS, true);

        assertThat(evaluation.match()).isTrue();
        assertThat(evaluation.seekerWishes()).containsExactly(
                new CriterionCheck(MatchCriterion.AGE, true, 0, true),
                new CriterionCheck(MatchCriterion.GENDER, true, 0, true),
                new CriterionCheck(MatchCriterion.CITY, false, 6, false));
        assertThat(evaluation.candidateWishes()).containsExactly(
                new CriterionCheck(MatchCriterion.GENDER, true, 0, true),
                new CriterionCheck(MatchCriterion.MARITAL_STATUS, false, 6, false));
        assertThat(evaluation.score()).isEqualTo(0.0);
        assertThat(evaluation.summary()).contains("0 of 2 soft wishes");
    }

    @Test
    void aNonPersonalisedEvaluationListsOnlyHardRequirementsAndHasNoScore() {
        MatchProfile seeker = woman(30, prefs(null, maleOnly(), new ChoiceCriterion<>(Set.of("Chengdu"), false, 2), null,
                null, null));

        Evaluation evaluation = MatchRules.evaluate(seeker, man(31, PartnerPreferences.NONE), TODAY, WEIGHTS, false);

        assertThat(evaluation.score()).isNull();
        assertThat(evaluation.personalised()).isFalse();
        assertThat(evaluation.seekerWishes()).containsExactly(new CriterionCheck(MatchCriterion.GENDER, true, 0, true));
        assertThat(evaluation.summary()).startsWith("Non-personalised");
    }

    @Test
    void theSoftWishesOfAMemberWithoutConsentToPersonalisationCountInNoScore() {
        // As in the test above: the seeker's wishes give 10 of 16; the candidate's met height wish would add 4 of 4.
        MatchProfile seeker = woman(30, prefs(null, null, new ChoiceCriterion<>(Set.of("Chengdu"), false, 2),
                new MinimumEducation(Education.MASTER, false, 5), null, null));
        MatchProfile candidate = withoutPersonalisation(man(31, prefs(null, maleOrFemale(), null, null,
                new RangeCriterion(160, null, false, 4), null)));

        assertThat(MatchRules.score(seeker, candidate, TODAY, WEIGHTS)).isEqualTo(62.5); // 10 / 16
        assertThat(MatchRules.score(candidate, seeker, TODAY, WEIGHTS)).isEqualTo(62.5);
        Evaluation evaluation = MatchRules.evaluate(seeker, candidate, TODAY, WEIGHTS, true);
        assertThat(evaluation.candidateWishes()).as("their hard requirements still filter and are shown")
                .containsExactly(new CriterionCheck(MatchCriterion.GENDER, true, 0, true));
        assertThat(evaluation.score()).isEqualTo(62.5);
    }

    @Test
    void anEmptyListOfAcceptedValuesAcceptsNobody() {
        MatchProfile seeker = woman(30, prefs(null, new ChoiceCriterion<>(Set.of(), true, 0), null, null, null, null));

        assertThat(MatchRules.match(seeker, man(30, PartnerPreferences.NONE), TODAY)).isFalse();
    }

    private static ChoiceCriterion<Gender> maleOnly() {
        return new ChoiceCriterion<>(Set.of(Gender.MALE), true, 0);
    }

    private static ChoiceCriterion<Gender> maleOrFemale() {
        return new ChoiceCriterion<>(Set.of(Gender.MALE, Gender.FEMALE), true, 0);
    }

    private static MatchProfile withoutPersonalisation(MatchProfile p) {
        return new MatchProfile(p.memberId(), p.gender(), p.birthDate(), p.city(), p.education(), p.heightCm(),
                p.maritalStatus(), p.preferences(), false, p.paused(), p.suspended());
    }

    private static PartnerPreferences prefs(RangeCriterion age, ChoiceCriterion<Gender> genders, ChoiceCriterion<String> cities,
                                            MinimumEducation education, RangeCriterion height,
                                            ChoiceCriterion<MaritalStatus> marital) {
        return new PartnerPreferences(age, genders, cities, education, height, marital);
    }

    private static MatchProfile woman(int age, PartnerPreferences preferences) {
        return new MatchProfile(UUID.randomUUID(), Gender.FEMALE, TODAY.minusYears(age).minusDays(10), "Beijing",
                Education.MASTER, 165, MaritalStatus.NEVER_MARRIED, preferences, true, false, false);
    }

    private static MatchProfile man(int age, PartnerPreferences preferences) {
        return new MatchProfile(UUID.randomUUID(), Gender.MALE, TODAY.minusYears(age).minusDays(10), "Beijing",
                Education.MASTER, 178, MaritalStatus.NEVER_MARRIED, preferences, true, false, false);
    }
}
