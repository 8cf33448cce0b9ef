package com.matchmaking.readmodels.analytics;

import com.matchmaking.readmodels.masking.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates for analysts: counts of members grouped by generalised attributes, from microdata made k-anonymous
 * first, so no cell holds fewer than k members and no difference of cells does either. Only counts leave: no member
 * id, name or free text.
 */
@Component
public class Demographics {

    /** The smallest group the agency ever reports on. */
    public static final int K = 5;

    private final JdbcTemplate jdbc;
    private final KAnonymizer anonymizer = new KAnonymizer(K);

    public Demographics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One cell: the values of the grouped dimensions, and how many members share them. */
    public record Cell(Map<Dimension, String> values, int count) {
    }

    public List<Cell> report(List<Dimension> groupBy, LocalDate today) {
        List<KAnonymizer.Row> rows = jdbc.query(
                "SELECT birth_year, gender, city, education, status, introduction_outcome FROM analytics_member",
                (rs, i) -> {
                    Map<Dimension, String> values = new EnumMap<>(Dimension.class);
                    Integer birthYear = (Integer) rs.getObject("birth_year");
                    values.put(Dimension.AGE_BAND, Masking.ageBandFromYear(birthYear, today));
                    values.put(Dimension.GENDER, rs.getString("gender"));
                    values.put(Dimension.CITY, rs.getString("city"));
                    values.put(Dimension.EDUCATION, rs.getString("education"));
                    values.put(Dimension.STATUS, rs.getString("status"));
                    values.put(Dimension.INTRODUCTION_OUTCOME, rs.getString("introduction_outcome"));
                    return new KAnonymizer.Row(values);
                });
        return anonymizer.count(anonymizer.anonymise(rows), groupBy).entrySet().stream()
                .map(e -> new Cell(e.getKey(), e.getValue())).toList();
    }
}
