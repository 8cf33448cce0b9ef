package com.matchmaking.app.matching;

import com.matchmaking.readmodels.matching.CandidateSearch;
import com.matchmaking.readmodels.matching.CriterionCheck;
import com.matchmaking.readmodels.matching.Evaluation;
import com.matchmaking.readmodels.matching.MatchProfile;
import com.matchmaking.readmodels.matching.MatchRules;
import com.matchmaking.schema.member.Education;
import com.matchmaking.schema.member.Gender;
import com.matchmaking.schema.member.MaritalStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GraphQL's Candidate: matching attributes only (an age, never the birth date), and the explanation. */
record CandidateView(UUID memberId, Double score, Integer age, Gender gender, String city, Education education,
                     Integer heightCm, MaritalStatus maritalStatus, ExplanationView explanation) {

    record ExplanationView(boolean personalised, String summary, List<CriterionCheck> seekerWishes,
                           List<CriterionCheck> candidateWishes) {
    }

    static CandidateView of(CandidateSearch.Suggestion suggestion, LocalDate today) {
        MatchProfile c = suggestion.candidate();
        Evaluation e = suggestion.evaluation();
        int age = MatchRules.age(c.birthDate(), today);
        return new CandidateView(c.memberId(), e.score(), age < 0 ? null : age, c.gender(), c.city(), c.education(),
                c.heightCm(), c.maritalStatus(),
                new ExplanationView(e.personalised(), e.summary(), e.seekerWishes(), e.candidateWishes()));
    }
}
