package org.ccft.published.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Disclosure control on hand-worked tables: the primary cells, and the cheapest complements (cost a
 * figure's value plus one, ten times for a total). Every result is also attacked: for each
 * suppressed cell the published sums are solved (elimination, and bounds with counts at least zero)
 * and its exact value must not come out.
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
        // A reader of the row and column totals can only be kept from STAT.3 by a rectangle: with
        // stage 2 it costs 7 + 38 + 17 (plus one each: 65), with stage 1 it costs 52 + 339 + 17
        // (411), through a total ten times as much.
        assertThat(result.secondary()).containsExactlyInAnyOrder("STAT.2", "CORP.2", "CORP.3");
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

    /**
     * Zeros are never suppressed for being small, but one is the cheapest complement: hiding
     * withdrawn (4) with not upheld (0) costs 1 (a zero's value plus one), with upheld (40) 41. A
     * reader then knows only that the two add up to 4. A share of a suppressed count is suppressed
     * too; sums must add up.
     */
    @Test
    void aZeroIsTheCheapestComplementAndSharesFollowTheirCounts() {
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
        assertThat(result.primary()).containsExactly("withdrawn");
        assertThat(result.secondary()).containsExactly("not_upheld");
        assertThat(Suppression.shown(t, result))
                .containsEntry("upheld", "40")
                .containsEntry("not_upheld", "c");
        assertThat(Suppression.shareShown(result, List.of("withdrawn", "concluded"))).isFalse();
        assertThat(Suppression.shareShown(result, List.of("partially", "concluded"))).isTrue();
        unbreakable(t, result);
        assertThatThrownBy(() -> new CountTable().cell("a", 1).cell("t", 2).sum("t", List.of("a")))
                .hasMessageContaining("add up to 1, not 2");
    }

    /**
     * Complaints by two procedures and three stages with every total: the 3 at (1,1). Taking the
     * nearest smallest cell each time (6, then 7 below it, then 8 beside that, then 100 above)
     * hides 6 + 7 + 8 + 100 = 121 complaints; the cheapest rectangle hides 6, 90 and 7 (103): a
     * reader of either only knows that the four add up along rows and columns.
     */
    @Test
    void theComplementIsTheCheapestRectangleNotTheNearestCells() {
        long[][] v = {{3, 6, 100}, {90, 7, 8}};
        CountTable t = new CountTable();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                t.cell(r + "." + c, v[r][c]);
            }
        }
        t.cell("0.all", 109).cell("1.all", 105);
        t.cell("all.0", 93).cell("all.1", 13).cell("all.2", 108).cell("all.all", 214);
        for (int r = 0; r < 2; r++) {
            t.sum(r + ".all", List.of(r + ".0", r + ".1", r + ".2"));
        }
        for (int c = 0; c < 3; c++) {
            t.sum("all." + c, List.of("0." + c, "1." + c));
        }
        t.sum("all.all", List.of("0.all", "1.all"));
        Suppression.Result result = DFE.apply(t);
        assertThat(result.primary()).containsExactly("0.0");
        assertThat(result.secondary()).containsExactlyInAnyOrder("0.1", "1.0", "1.1");
        long hidden = result.secondary().stream().mapToLong(id -> t.get(id).value()).sum();
        assertThat(hidden).isEqualTo(6 + 90 + 7);
        unbreakable(t, result);
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
