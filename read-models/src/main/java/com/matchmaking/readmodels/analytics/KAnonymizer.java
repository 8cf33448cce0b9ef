package com.matchmaking.readmodels.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Makes the analytics microdata k-anonymous before anything is counted: every member ends up in a class of at least
 * k members sharing all their (generalised) attributes, or is left out. Members of too small a class are generalised
 * step by step (city to "OTHER", education to a coarser level, the five-year age band to ten years) and dropped only
 * if that is still not enough.
 *
 * <p>Because every released count is then a union of whole classes, a count is either 0 or at least k, and so is the
 * difference of any two counts an analyst can ask for (two overlapping groupings, a total minus a part): differencing
 * can never single out fewer than k members.
 */
public final class KAnonymizer {

    /** One member's generalised attributes, no identity. */
    public record Row(Map<Dimension, String> values) {
        public Row {
            values = copy(values);
        }

        String get(Dimension dimension) {
            return values.get(dimension);
        }

        Row with(Dimension dimension, UnaryOperator<String> generalise) {
            Map<Dimension, String> changed = new EnumMap<>(Dimension.class);
            changed.putAll(values);
            changed.put(dimension, generalise.apply(values.get(dimension)));
            return new Row(changed);
        }
    }

    /** One generalisation step: which attribute, and how it coarsens. */
    private record Step(Dimension dimension, UnaryOperator<String> generalise) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(Dimension.CITY, city -> "OTHER"),
            new Step(Dimension.EDUCATION, KAnonymizer::coarseEducation),
            new Step(Dimension.AGE_BAND, KAnonymizer::tenYearBand),
            new Step(Dimension.INTRODUCTION_OUTCOME, outcome -> "ANY"));

    private final int k;

    public KAnonymizer(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** The rows that may be counted: every one in a class of at least k identical rows. */
    public List<Row> anonymise(List<Row> rows) {
        List<Row> released = new ArrayList<>();
        List<Row> pending = rows;
        for (int step = 0; step <= STEPS.size() && !pending.isEmpty(); step++) {
            Map<Row, List<Row>> classes = new LinkedHashMap<>();
            for (Row row : pending) {
                classes.computeIfAbsent(row, r -> new ArrayList<>()).add(row);
            }
            List<Row> tooSmall = new ArrayList<>();
            classes.forEach((key, members) -> (members.size() >= k ? released : tooSmall).addAll(members));
            if (step == STEPS.size()) {
                break;
            }
            Step coarsen = STEPS.get(step);
            pending = tooSmall.stream().map(r -> r.with(coarsen.dimension(), coarsen.generalise())).toList();
        }
        // A generalised row may now equal rows that were released ungeneralised: a class can only grow, never shrink.
        return released;
    }

    /** Counts of the released rows grouped by the given dimensions; every count is at least k. */
    public Map<Map<Dimension, String>, Integer> count(List<Row> released, List<Dimension> groupBy) {
        Map<Map<Dimension, String>, Integer> cells = new LinkedHashMap<>();
        for (Row row : released) {
            Map<Dimension, String> cell = new EnumMap<>(Dimension.class);
            for (Dimension dimension : groupBy) {
                cell.put(dimension, row.get(dimension));
            }
            cells.merge(copy(cell), 1, Integer::sum);
        }
        // Released rows come in classes of at least k, so this removes nothing; it stays as the last word.
        cells.values().removeIf(count -> count < k);
        return cells;
    }

    /** An unmodifiable copy; a missing attribute stays a value of its own (null), as in the data. */
    private static Map<Dimension, String> copy(Map<Dimension, String> values) {
        Map<Dimension, String> copy = new EnumMap<>(Dimension.class);
        copy.putAll(values);
        return Collections.unmodifiableMap(copy);
    }

    static String coarseEducation(String education) {
        if (education == null) {
            return null;
        }
        return switch (education) {
            case "HIGH_SCHOOL", "ASSOCIATE" -> "NO_DEGREE";
            case "BACHELOR" -> "DEGREE";
            case "MASTER", "DOCTORATE" -> "POSTGRADUATE";
            default -> education;
        };
    }

    static String tenYearBand(String band) {
        if (band == null || !band.matches("\\d{2}-\\d{2}")) {
            return band;
        }
        int low = Integer.parseInt(band.substring(0, 2)) / 10 * 10;
        return low + "-" + (low + 9);
    }
}
