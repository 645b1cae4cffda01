package org.ccft.published.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control on hand-worked tables. Every result is also attacked: for each suppressed cell
 * the published sums are solved (elimination, and bounds with counts at least zero) and its exact
 * value must not come out.
 */
class SuppressionTest {

    private static final Suppression DFE = new Suppression(5);

    private static void unbreakable(CountTable table, Suppression.Result result) {
        assertThat(Attack.derivable(table, result.suppressed()))
                .as("values a reader can work out")
                .isEmpty();
    }

    /**
     * Complaints by service area with their total: hiding only the 3 leaks it through the total.
     */
    @Test
    void suppressingOnlyTheSmallCellLeaksItThroughTheTotal() {
        CountTable areas =
                new CountTable()
                        .cell("SAT", 190)
                        .cell("IFD", 85)
                        .cell("ADOPTION", 3)
                        .cell("LEAVING_CARE", 12)
                        .cell("total", 290)
                        .sum("total", List.of("SAT", "IFD", "ADOPTION", "LEAVING_CARE"));
        // 290 - 190 - 85 - 12 = 3: the small cell alone is no protection.
        assertThat(Attack.derivable(areas, Set.of("ADOPTION"))).containsEntry("ADOPTION", 3L);

        Suppression.Result result = DFE.apply(areas);
        assertThat(result.primary()).containsExactly("ADOPTION");
        assertThat(result.secondary())
                .as("the next smallest of the breakdown")
                .containsExactly("LEAVING_CARE");
        assertThat(Suppression.shown(areas, result))
                .containsExactly(
                        Map.entry("SAT", "190"),
                        Map.entry("IFD", "85"),
                        Map.entry("ADOPTION", "c"),
                        Map.entry("LEAVING_CARE", "c"),
                        Map.entry("total", "290"));
        unbreakable(areas, result);
    }

    /**
     * Received by procedure and stage with row, column and grand totals (the report's 2022-23
     * figures, not exempt here): the 3 takes a rectangle of four cells with it, hand-worked in the
     * comments.
     */
    @Test
    void aTableWithRowAndColumnTotalsHidesARectangle() {
        CountTable t = twoWay(false);
        Suppression.Result result = DFE.apply(t);
        assertThat(result.primary()).containsExactly("STAT.3");
        // Row STATUTORY holds only STAT.3: the smallest beside it in its row or column is STAT.2
        // (7); column 2 then holds only STAT.2: CORP.2 (38, before 45, 52, 62); column 3 holds only
        // STAT.3: CORP.3 (17). Row CORPORATE then has two, and every row and column has two or
        // none.
        assertThat(result.secondary()).containsExactly("STAT.2", "CORP.2", "CORP.3");
        unbreakable(t, result);
    }

    /**
     * The headline figures the council publishes exactly stay; the breakdown under them is
     * protected.
     */
    @Test
    void exemptHeadlinesStayExactAndTheirBreakdownsAreProtected() {
        CountTable t = twoWay(true);
        assertThat(DFE.apply(t).suppressed())
                .as("every figure of the table is a headline")
                .isEmpty();

        // Statutory stage 3 (3, exempt) by service area: 2 + 1.
        CountTable areas =
                new CountTable()
                        .exempt("statutory_stage3", 3)
                        .cell("CHILDREN_IN_CARE", 2)
                        .cell("FAMILY_SAFEGUARDING", 1)
                        .cell("ADOPTION", 0)
                        .sum(
                                "statutory_stage3",
                                List.of("CHILDREN_IN_CARE", "FAMILY_SAFEGUARDING", "ADOPTION"));
        Suppression.Result result = DFE.apply(areas);
        assertThat(result.suppressed())
                .containsExactlyInAnyOrder("CHILDREN_IN_CARE", "FAMILY_SAFEGUARDING");
        assertThat(Suppression.shown(areas, result))
                .containsEntry("ADOPTION", "0")
                .containsEntry("statutory_stage3", "3");
        unbreakable(areas, result);

        // One area holds all three: hiding it hides nothing (3 is published), so it is shown and
        // said so.
        CountTable single =
                new CountTable()
                        .exempt("statutory_stage3", 3)
                        .cell("CHILDREN_IN_CARE", 3)
                        .sum("statutory_stage3", List.of("CHILDREN_IN_CARE"));
        Suppression.Result shown = DFE.apply(single);
        assertThat(shown.suppressed()).isEmpty();
        assertThat(shown.shownBecauseExempt()).containsExactly("CHILDREN_IN_CARE");
    }

    /**
     * The same figure in last year's row and in this year's brackets: hidden in both, or in
     * neither.
     */
    @Test
    void previousYearBracketsAreTheSameFigureAsLastYearsRow() {
        CountTable t =
                new CountTable()
                        .cell("2021-22.A", 9)
                        .cell("2021-22.B", 2)
                        .cell("2021-22.total", 11)
                        .cell("2022-23.A", 10)
                        .cell("2022-23.B", 8)
                        .cell("2022-23.total", 18)
                        .cell("2022-23.A.prev", 9)
                        .cell("2022-23.B.prev", 2)
                        .cell("2022-23.total.prev", 11)
                        .sum("2021-22.total", List.of("2021-22.A", "2021-22.B"))
                        .sum("2022-23.total", List.of("2022-23.A", "2022-23.B"))
                        .sum("2022-23.total.prev", List.of("2022-23.A.prev", "2022-23.B.prev"))
                        .same("2021-22.A", "2022-23.A.prev")
                        .same("2021-22.B", "2022-23.B.prev")
                        .same("2021-22.total", "2022-23.total.prev");
        Suppression.Result result = DFE.apply(t);
        assertThat(result.primary()).containsExactlyInAnyOrder("2021-22.B", "2022-23.B.prev");
        assertThat(result.suppressed())
                .contains("2021-22.A", "2022-23.A.prev")
                .doesNotContain("2022-23.A", "2022-23.B", "2022-23.total");
        unbreakable(t, result);
    }

    /** Zeros stay 0; a share of a suppressed count is suppressed too; sums must add up. */
    @Test
    void zerosStayAndSharesFollowTheirCounts() {
        CountTable t =
                new CountTable()
                        .cell("upheld", 40)
                        .cell("not_upheld", 0)
                        .cell("withdrawn", 4)
                        .cell("partially", 56)
                        .cell("concluded", 100)
                        .sum(
                                "concluded",
                                List.of("upheld", "not_upheld", "withdrawn", "partially"));
        Suppression.Result result = DFE.apply(t);
        assertThat(result.suppressed()).containsExactlyInAnyOrder("withdrawn", "upheld");
        assertThat(Suppression.shown(t, result)).containsEntry("not_upheld", "0");
        assertThat(Suppression.shareShown(result, List.of("withdrawn", "concluded"))).isFalse();
        assertThat(Suppression.shareShown(result, List.of("partially", "concluded"))).isTrue();
        unbreakable(t, result);
        assertThatThrownBy(() -> new CountTable().cell("a", 1).cell("t", 2).sum("t", List.of("a")))
                .hasMessageContaining("add up to 1, not 2");
    }

    /** A sum of two suppressed cells that is zero would pin both: the attack sees it. */
    @Test
    void theAttackFindsValuesPinnedByBoundsAsWellAsByElimination() {
        CountTable t =
                new CountTable()
                        .cell("a", 0)
                        .cell("b", 0)
                        .cell("c", 7)
                        .cell("t", 7)
                        .sum("t", List.of("a", "b", "c"));
        assertThat(Attack.derivable(t, Set.of("a", "b")))
                .containsEntry("a", 0L)
                .containsEntry("b", 0L);
        assertThat(Attack.derivable(t, Set.of("a", "c"))).isEmpty();
    }

    private static CountTable twoWay(boolean headlinesExempt) {
        CountTable t = new CountTable();
        long[][] v = {{52, 7, 3}, {339, 38, 17}};
        String[] rows = {"STAT", "CORP"};
        for (int r = 0; r < 2; r++) {
            for (int s = 0; s < 3; s++) {
                String id = rows[r] + "." + (s + 1);
                if (headlinesExempt) {
                    t.exempt(id, v[r][s]);
                } else {
                    t.cell(id, v[r][s]);
                }
            }
        }
        t.cell("STAT.all", 62)
                .cell("CORP.all", 394)
                .cell("all.1", 391)
                .cell("all.2", 45)
                .cell("all.3", 20)
                .cell("all.all", 456);
        for (String r : rows) {
            t.sum(r + ".all", List.of(r + ".1", r + ".2", r + ".3"));
        }
        for (int s = 1; s <= 3; s++) {
            t.sum("all." + s, List.of("STAT." + s, "CORP." + s));
        }
        t.sum("all.all", List.of("STAT.all", "CORP.all"));
        t.sum("all.all", List.of("all.1", "all.2", "all.3"));
        return t;
    }
}
