package com.matchmaking.app.candidates;

import com.matchmaking.readmodels.matching.MatchWeights;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Matching settings ({@code matchmaking.matching.*}) the candidate queries use. The pool's
 * {@code matchmaking.matching.refresh-interval} is read by the read model's {@code CandidatePool} itself.
 *
 * @param weights         the agency's weight of each criterion (0 to 100); a member's soft wish counts its own weight
 *                        (1 to 10) times this
 * @param maxPageSize     the most suggestions one query returns; larger {@code first} values are capped to it
 */
@ConfigurationProperties("matchmaking.matching")
record MatchingProperties(@DefaultValue Weights weights,
                          @DefaultValue("50") int maxPageSize) {

    MatchingProperties {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("matchmaking.matching.max-page-size must be at least 1");
        }
    }

    record Weights(@DefaultValue("3") int age,
                   @DefaultValue("2") int gender,
                   @DefaultValue("3") int city,
                   @DefaultValue("2") int education,
                   @DefaultValue("1") int height,
                   @DefaultValue("2") int maritalStatus) {
    }

    MatchWeights matchWeights() {
        return new MatchWeights(weights.age(), weights.gender(), weights.city(), weights.education(), weights.height(),
                weights.maritalStatus());
    }
}
