package com.matchmaking.readmodels.analytics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The k-anonymity that analytics rests on, over random populations: no cell under k, and no difference of cells
 * from two overlapping groupings under k either, so differencing can never single anyone out.
 */
class KAnonymizerTest {

    private static final int K = 5;
    private final KAnonymizer anonymizer = new KAnonymizer(K);

    @Provide
    Arbitrary<List<KAnonymizer.Row>> populations() {
        Arbitrary<KAnonymizer.Row> row = Combinators.combine(
                Arbitraries.of("20-24", "25-29", "30-34", "35-39", "40-44"),
                Arbitraries.of("FEMALE", "MALE"),
                Arbitraries.of("Shanghai", "Beijing", "Hangzhou", "Lhasa", "Xiamen"),
                Arbitraries.of("HIGH_SCHOOL", "ASSOCIATE", "BACHELOR", "MASTER", "DOCTORATE"),
                Arbitraries.of("ACTIVE", "ERASURE_PENDING"),
                Arbitraries.of("NONE", "CONTINUING", "SUCCESS")).as((age, gender, city, education, status, outcome) -> {
                    Map<Dimension, String> values = new EnumMap<>(Dimension.class);
                    values.put(Dimension.AGE_BAND, age);
                    values.put(Dimension.GENDER, gender);
                    values.put(Dimension.CITY, city);
                    values.put(Dimension.EDUCATION, education);
                    values.put(Dimension.STATUS, status);
                    values.put(Dimension.INTRODUCTION_OUTCOME, outcome);
                    return new KAnonymizer.Row(values);
                });
        return row.list().ofMinSize(0).ofMaxSize(400);
    }

    @Provide
    Arbitrary<List<Dimension>> groupings() {
        return Arbitraries.subsetOf(Dimension.values()).map(List::copyOf);
    }

    @Property(tries = 200)
    void everyReleasedClassHoldsAtLeastKMembers(@ForAll("populations") List<KAnonymizer.Row> population) {
        List<KAnonymizer.Row> released = anonymizer.anonymise(population);

        Map<KAnonymizer.Row, Long> classes = released.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(classes.values()).allMatch(size -> size >= K);
        assertThat(released.size()).isLessThanOrEqualTo(population.size());
    }

    @Property(tries = 200)
    void noCellAndNoDifferenceOfOverlappingGroupingsFallsUnderK(@ForAll("populations") List<KAnonymizer.Row> population,
                                                              @ForAll("groupings") List<Dimension> coarse,
                                                              @ForAll("groupings") List<Dimension> extra) {
        List<KAnonymizer.Row> released = anonymizer.anonymise(population);
        Set<Dimension> fineSet = EnumSet.noneOf(Dimension.class);
        fineSet.addAll(coarse);
        fineSet.addAll(extra);
        List<Dimension> fine = List.copyOf(fineSet);

        Map<Map<Dimension, String>, Integer> coarseCells = anonymizer.count(released, coarse);
        Map<Map<Dimension, String>, Integer> fineCells = anonymizer.count(released, fine);

        assertThat(coarseCells.values()).allMatch(count -> count >= K);
        assertThat(fineCells.values()).allMatch(count -> count >= K);
        // A coarse cell minus any one of its refinements (what "asking two overlapping groupings" yields) is 0 or >= k.
        coarseCells.forEach((cell, count) -> fineCells.forEach((refined, refinedCount) -> {
            if (refined.entrySet().containsAll(cell.entrySet())) {
                int difference = count - refinedCount;
                assertThat(difference == 0 || difference >= K).as(cell + " minus " + refined).isTrue();
            }
        }));
    }

    @Test
    void aLoneMemberInASmallCityIsGeneralisedAwayAndNeverShown() {
        List<KAnonymizer.Row> population = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            population.add(row("30-34", "FEMALE", "Shanghai", "MASTER"));
        }
        for (int i = 0; i < 4; i++) {
            population.add(row("30-34", "FEMALE", "Hangzhou", "MASTER"));
        }
        population.add(row("30-34", "MALE", "Lhasa", "MASTER"));

        List<KAnonymizer.Row> released = anonymizer.anonymise(population);
        Map<Map<Dimension, String>, Integer> byCity = anonymizer.count(released, List.of(Dimension.CITY));

        assertThat(byCity).containsEntry(Map.of(Dimension.CITY, "Shanghai"), 7)
                .doesNotContainKey(Map.of(Dimension.CITY, "Lhasa")).doesNotContainKey(Map.of(Dimension.CITY, "Hangzhou"));
        assertThat(byCity.keySet()).extracting(m -> m.get(Dimension.CITY)).doesNotContain("Lhasa");
    }

    @Test
    void generalisationCoarsensEducationAndAgeBands() {
        assertThat(KAnonymizer.coarseEducation("MASTER")).isEqualTo("POSTGRADUATE");
        assertThat(KAnonymizer.coarseEducation("ASSOCIATE")).isEqualTo("NO_DEGREE");
        assertThat(KAnonymizer.tenYearBand("35-39")).isEqualTo("30-39");
        assertThat(KAnonymizer.tenYearBand("60+")).isEqualTo("60+");
    }

    private static KAnonymizer.Row row(String age, String gender, String city, String education) {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.AGE_BAND, age);
        values.put(Dimension.GENDER, gender);
        values.put(Dimension.CITY, city);
        values.put(Dimension.EDUCATION, education);
        values.put(Dimension.STATUS, "ACTIVE");
        values.put(Dimension.INTRODUCTION_OUTCOME, "NONE");
        return new KAnonymizer.Row(values);
    }
}
