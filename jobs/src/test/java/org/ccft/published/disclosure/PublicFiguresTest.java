package org.ccft.published.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccft.marts.Disclosure;
import org.junit.jupiter.api.Test;

/**
 * Marts declared as the real ones are, suppressed together: a figure one mart shows exactly, or in
 * full, protects or exposes the cells of another. Values hand-worked in the comments.
 */
class PublicFiguresTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String GLANCE =
            """
            exempt: the year's headline totals
            keys: [financial_year]
            measure:
              column: measure
              value: value
              figures:
                statutory_stage3: {figure: complaints_received, procedure: STATUTORY, stage: "3"}
            """;
    private static final String BY_AREA =
            """
            keys: [financial_year]
            breakdowns: [service_area, send_service, procedure, stage]
            counts: {received: complaints_received}
            """;
    private static final String SAT_YEAR =
            """
            keys: [financial_year]
            counts:
              sat_complaints: {figure: complaints_received, service_area: SAT}
              plans_issued: ehcp_plans_issued
            derived:
              complaints_per_100_plans: [sat_complaints, plans_issued]
            """;

    private static Disclosure declared(String yaml) throws Exception {
        return YAML.readValue(yaml, Disclosure.class);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1]);
        }
        return r;
    }

    private static PublicFigures.MartRows mart(
            String name, String yaml, List<Map<String, Object>> rows) throws Exception {
        return new PublicFigures.MartRows(
                name, declared(yaml), new ArrayList<>(rows.get(0).keySet()), rows);
    }

    private static PublicFigures.MartRows glance() throws Exception {
        return mart(
                "glance",
                GLANCE,
                List.of(
                        row(
                                "financial_year",
                                "2022-23",
                                "measure",
                                "statutory_stage3",
                                "value",
                                3L)));
    }

    private static PublicFigures.MartRows byArea() throws Exception {
        return mart(
                "by_area",
                BY_AREA,
                List.of(
                        row(
                                "financial_year",
                                "2022-23",
                                "service_area",
                                "SAT",
                                "send_service",
                                true,
                                "procedure",
                                "STATUTORY",
                                "stage",
                                3,
                                "received",
                                2L),
                        row(
                                "financial_year",
                                "2022-23",
                                "service_area",
                                "ADOPTION",
                                "send_service",
                                false,
                                "procedure",
                                "STATUTORY",
                                "stage",
                                3,
                                "received",
                                1L),
                        row(
                                "financial_year",
                                "2022-23",
                                "service_area",
                                "SAT",
                                "send_service",
                                true,
                                "procedure",
                                "STATUTORY",
                                "stage",
                                1,
                                "received",
                                20L),
                        row(
                                "financial_year",
                                "2022-23",
                                "service_area",
                                "ADOPTION",
                                "send_service",
                                false,
                                "procedure",
                                "STATUTORY",
                                "stage",
                                1,
                                "received",
                                9L)));
    }

    @Test
    void aBreakdownUnderAnExemptTotalKeepsItsSmallCellsAsThePrimaryOnes() throws Exception {
        PublicFigures.Outcome o =
                new PublicFigures(PolicyFixture.oneWay(5)).add(glance()).add(byArea()).suppress();
        // SAT 3 (2) and ADOPTION 3 (1) add up to the published 3: a reader knows only that they sum
        // to 3.
        assertThat(o.decisions().get("by_area").suppressedColumns())
                .containsExactly(Set.of("received"), Set.of("received"), Set.of(), Set.of());
        assertThat(o.decisions().get("glance").suppressedColumns()).containsExactly(Set.of());
        assertThat(o.result().secondary()).isEmpty();
        assertThat(Attack.derivable(o.table(), o.result().suppressed())).isEmpty();
    }

    @Test
    void aLinkedTableThatShowsTheServiceAreasTotalForcesASecondCell() throws Exception {
        PublicFigures.MartRows satYear =
                mart(
                        "sat_year",
                        SAT_YEAR,
                        List.of(
                                row(
                                        "financial_year",
                                        "2022-23",
                                        "sat_complaints",
                                        22L,
                                        "plans_issued",
                                        400L,
                                        "complaints_per_100_plans",
                                        5.5)));
        // With SAT's 22 published beside it, SAT stage 3 = 22 - 20 (stage 1) = 2: the small cell
        // alone leaks.
        PublicFigures leaky =
                new PublicFigures(PolicyFixture.oneWay(5)).add(glance()).add(byArea()).add(satYear);
        PublicFigures.Outcome o = leaky.suppress();
        CountTable t = o.table();
        String sat3 =
                "complaints_received{financial_year=2022-23, procedure=STATUTORY, send_service=true, service_area=SAT, stage=3}";
        String sat1 =
                "complaints_received{financial_year=2022-23, procedure=STATUTORY, send_service=true, service_area=SAT, stage=1}";
        assertThat(
                        Attack.derivable(
                                t,
                                Set.of(
                                        sat3,
                                        "complaints_received{financial_year=2022-23, procedure=STATUTORY, "
                                                + "send_service=false, service_area=ADOPTION, stage=3}")))
                .containsEntry(sat3, 2L);
        // So SAT stage 1 (20), the only other cell of SAT's sum, goes too; SAT's 22 and its rate
        // stay. And the year's 32 is published exactly (a year total, by the policy), so
        // ADOPTION's 10 is known as well: its stage 1 (9) goes with its stage 3.
        String adoption1 =
                "complaints_received{financial_year=2022-23, procedure=STATUTORY, send_service=false, service_area=ADOPTION, stage=1}";
        assertThat(o.result().secondary()).containsExactlyInAnyOrder(sat1, adoption1);
        assertThat(o.decisions().get("by_area").suppressedColumns())
                .containsExactly(
                        Set.of("received"),
                        Set.of("received"),
                        Set.of("received"),
                        Set.of("received"));
        assertThat(o.decisions().get("sat_year").suppressedColumns()).containsExactly(Set.of());
        assertThat(Attack.derivable(t, o.result().suppressed())).isEmpty();
    }

    @Test
    void aRateOfASuppressedCountIsSuppressedWithIt() throws Exception {
        PublicFigures.MartRows satYear =
                mart(
                        "sat_year",
                        SAT_YEAR,
                        List.of(
                                row(
                                        "financial_year",
                                        "2021-22",
                                        "sat_complaints",
                                        4L,
                                        "plans_issued",
                                        380L,
                                        "complaints_per_100_plans",
                                        1.1)));
        PublicFigures.Outcome o =
                new PublicFigures(PolicyFixture.oneWay(5)).add(satYear).suppress();
        assertThat(o.decisions().get("sat_year").suppressedColumns())
                .containsExactly(Set.of("sat_complaints", "complaints_per_100_plans"));
    }

    @Test
    void declarationsThatDisagreeWithTheFiguresAreRefusedByName() throws Exception {
        PublicFigures.MartRows wrongTotal =
                mart(
                        "glance",
                        GLANCE,
                        List.of(
                                row(
                                        "financial_year",
                                        "2022-23",
                                        "measure",
                                        "statutory_stage3",
                                        "value",
                                        4L)));
        assertThatThrownBy(
                        () ->
                                new PublicFigures(PolicyFixture.oneWay(5))
                                        .add(wrongTotal)
                                        .add(byArea()))
                .hasMessageContaining(
                        "complaints_received{financial_year=2022-23, procedure=STATUTORY, stage=3}")
                .hasMessageContaining("is 4 in one place and 3 in another");
        PublicFigures.MartRows undeclared =
                mart(
                        "by_area",
                        BY_AREA,
                        List.of(
                                row(
                                        "financial_year",
                                        "2022-23",
                                        "service_area",
                                        "SAT",
                                        "send_service",
                                        true,
                                        "procedure",
                                        "STATUTORY",
                                        "stage",
                                        3,
                                        "received",
                                        2L,
                                        "median_days",
                                        19.0)));
        assertThatThrownBy(() -> new PublicFigures(PolicyFixture.oneWay(5)).add(undeclared))
                .hasMessageContaining("marts/by_area.yml")
                .hasMessageContaining("[median_days]");
    }
}
