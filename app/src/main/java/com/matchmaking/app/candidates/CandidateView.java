package com.matchmaking.app.candidates;

import com.matchmaking.readmodels.masking.AudienceRendering;
import com.matchmaking.readmodels.matching.CandidateSearch;
import com.matchmaking.readmodels.matching.CriterionCheck;
import com.matchmaking.readmodels.matching.Evaluation;
import com.matchmaking.readmodels.matching.MatchCriterion;
import com.matchmaking.readmodels.matching.MatchProfile;
import com.matchmaking.readmodels.matching.MatchRules;
import com.matchmaking.schema.authorization.AuthorizationTable;
import com.matchmaking.schema.authorization.AuthorizationTable.Audience;
import com.matchmaking.schema.authorization.AuthorizationTable.DataField;
import com.matchmaking.schema.authorization.AuthorizationTable.Visibility;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * GraphQL's Candidate: matching attributes only (an age, never the birth date), and the explanation, each as the
 * authorisation table lets the audience see the candidate. A matchmaker looking at someone else's member, or at the
 * unassigned pool, gets the pool row (age, gender, city, education); a check against an attribute the audience does
 * not see, and the candidate's own wishes where it does not see preferences, are left out, since a check's outcome
 * tells the attribute.
 */
record CandidateView(UUID memberId, Double score, Integer age, Gender gender, String city, Education education,
                     Integer heightCm, MaritalStatus maritalStatus, ExplanationView explanation) {

    record ExplanationView(boolean personalised, String summary, List<CriterionCheck> seekerWishes,
                           List<CriterionCheck> candidateWishes) {
    }

    static CandidateView of(CandidateSearch.Suggestion suggestion, LocalDate today, Audience audience) {
        MatchProfile c = suggestion.candidate();
        Evaluation e = suggestion.evaluation();
        Integer age = null;
        if (AuthorizationTable.visibility(audience, DataField.BIRTH_DATE) == Visibility.AGE) {
            int years = MatchRules.age(c.birthDate(), today);
            age = years < 0 ? null : years;
        }
        List<CriterionCheck> seekerWishes = e.seekerWishes().stream()
                .filter(check -> AudienceRendering.keeps(audience, field(check.criterion()))).toList();
        List<CriterionCheck> candidateWishes = AudienceRendering.keeps(audience, DataField.PREFERENCES)
                ? e.candidateWishes() : List.of();
        Evaluation shown = new Evaluation(e.match(), e.personalised(), e.score(), seekerWishes, candidateWishes);
        return new CandidateView(c.memberId(), e.score(), age,
                AudienceRendering.whole(audience, DataField.GENDER, c.gender()),
                AudienceRendering.whole(audience, DataField.CITY, c.city()),
                AudienceRendering.whole(audience, DataField.EDUCATION, c.education()),
                AudienceRendering.whole(audience, DataField.HEIGHT, c.heightCm()),
                AudienceRendering.whole(audience, DataField.MARITAL_STATUS, c.maritalStatus()),
                new ExplanationView(shown.personalised(), shown.summary(), seekerWishes, candidateWishes));
    }

    /** The piece of member data a criterion is checked against. */
    private static DataField field(MatchCriterion criterion) {
        return switch (criterion) {
            case AGE -> DataField.BIRTH_DATE;
            case GENDER -> DataField.GENDER;
            case CITY -> DataField.CITY;
            case EDUCATION -> DataField.EDUCATION;
            case HEIGHT -> DataField.HEIGHT;
            case MARITAL_STATUS -> DataField.MARITAL_STATUS;
        };
    }
}
