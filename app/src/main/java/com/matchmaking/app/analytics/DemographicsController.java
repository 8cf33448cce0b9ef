package com.matchmaking.app.analytics;

import com.matchmaking.app.problem.MessageKey;
import com.matchmaking.app.problem.RequestRejectedException;
import com.matchmaking.readmodels.analytics.Demographics;
import com.matchmaking.readmodels.analytics.Dimension;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Analytics without identities: counts only, over k-anonymous microdata. The analyst role can reach nothing else. */
@Controller
class DemographicsController {

    record DemographicCell(String ageBand, String gender, String city, String education, String status,
                           String introductionOutcome, int count) {
    }

    record DemographicsReport(int k, List<DemographicCell> cells) {
    }

    private final Demographics demographics;
    private final Clock clock;

    DemographicsController(Demographics demographics, Clock clock) {
        this.demographics = demographics;
        this.clock = clock;
    }

    @QueryMapping
    DemographicsReport demographics(@Argument List<Dimension> groupBy) {
        if (groupBy == null || groupBy.isEmpty() || groupBy.stream().distinct().count() != groupBy.size()) {
            throw RequestRejectedException.badRequest(MessageKey.GROUP_BY_DIMENSIONS);
        }
        List<DemographicCell> cells = demographics.report(groupBy, LocalDate.now(clock)).stream()
                .map(c -> new DemographicCell(c.values().get(Dimension.AGE_BAND), c.values().get(Dimension.GENDER),
                        c.values().get(Dimension.CITY), c.values().get(Dimension.EDUCATION), c.values().get(Dimension.STATUS),
                        c.values().get(Dimension.INTRODUCTION_OUTCOME), c.count()))
                .toList();
        return new DemographicsReport(Demographics.K, cells);
    }
}
