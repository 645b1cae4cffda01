package org.ccft.published.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The identities an outsider who knows the service would use, found in the figures themselves, on
 * hand-worked tables: each kind makes the attack stronger, and none is taken from a coincidence of
 * one grain.
 */
class IdentityMinerTest {

    private static String put(CountTable t, String figure, long value, String... coordinates) {
        return PolicyFixture.figure(t, null, figure, value, coordinates);
    }

    /**
     * The ombudsman's caseload by service area: worked with = decided + still open, declared by no
     * mart, with every figure above zero in eight service areas. ADOPTION's 4 still open is
     * suppressed: 6 worked with less 2 decided gives it away once the identity is known, and not
     * before.
     */
    @Test
    void acrossColumnsWorkedWithIsDecidedPlusStillOpen() {
        CountTable t = new CountTable();
        long[][] v = {
            {20, 12, 8},
            {10, 7, 3},
            {6, 2, 4},
            {2, 1, 1},
            {9, 4, 5},
            {7, 6, 1},
            {11, 3, 8},
            {5, 3, 2}
        };
        String[] areas = {
            "SAT",
            "IFD",
            "ADOPTION",
            "FOSTERING",
            "LEAVING_CARE",
            "CHILDREN_IN_CARE",
            "SEND_DISTRICT",
            "OTHER"
        };
        for (int a = 0; a < areas.length; a++) {
            String[] at = {"financial_year", "2022-23", "service_area", areas[a]};
            put(t, "lgo_worked_with", v[a][0], at);
            put(t, "lgo_decided", v[a][1], at);
            put(t, "lgo_open_at_year_end", v[a][2], at);
        }
        String open = "lgo_open_at_year_end{financial_year=2022-23, service_area=ADOPTION}";
        assertThat(Attack.derivable(t, Set.of(open))).as("before mining").isEmpty();

        IdentityMiner.Found found = IdentityMiner.mine(t);

        assertThat(found.withinPeriod()).isEqualTo(1);
        assertThat(found.equations()).as("one equation per service area").isEqualTo(8);
        assertThat(t.identities())
                .allSatisfy(i -> assertThat(i.source()).startsWith("mined within a period"));
        assertThat(Attack.derivable(t, Set.of(open))).containsEntry(open, 4L);
        Suppression.Result result = new Suppression(5).apply(t);
        assertThat(Attack.derivable(t, result.suppressed())).isEmpty();
    }

    /**
     * Enquiries still open at a year's end are the next year's carried in, in each of three service
     * areas over four years (nine pairs of years): the SAT's 4 carried into 2021-22 is its 4 still
     * open at the end of 2020-21.
     */
    @Test
    void betweenPeriodsOneYearsOpenIsTheNextYearsCarriedIn() {
        CountTable t = new CountTable();
        String[] years = {"2019-20", "2020-21", "2021-22", "2022-23"};
        String[] areas = {"SAT", "IFD", "ADOPTION"};
        long[][] open = {{6, 4, 9, 7}, {3, 5, 2, 6}, {1, 2, 3, 1}};
        long[][] carried = {{2, 6, 4, 9}, {1, 3, 5, 2}, {2, 1, 2, 3}};
        for (int a = 0; a < areas.length; a++) {
            for (int y = 0; y < years.length; y++) {
                String[] at = {"financial_year", years[y], "service_area", areas[a]};
                put(t, "lgo_open_at_year_end", open[a][y], at);
                put(t, "lgo_carried_in", carried[a][y], at);
            }
        }
        String carriedIn = "lgo_carried_in{financial_year=2021-22, service_area=SAT}";
        assertThat(Attack.derivable(t, Set.of(carriedIn))).as("before mining").isEmpty();

        IdentityMiner.Found found = IdentityMiner.mine(t);

        assertThat(found.betweenPeriods()).isEqualTo(1);
        assertThat(found.withinPeriod()).isZero();
        assertThat(Attack.derivable(t, Set.of(carriedIn))).containsEntry(carriedIn, 4L);
    }

    /**
     * Two figures equal in each of three years are not equal by service area: a coincidence of the
     * year totals, not an identity, so nothing is mined.
     */
    @Test
    void aCoincidenceOfOneGrainIsNotAnIdentity() {
        CountTable t = new CountTable();
        String[] years = {"2020-21", "2021-22", "2022-23"};
        long[][] a = {{3, 2}, {4, 3}, {5, 4}};
        long[][] b = {{2, 3}, {5, 2}, {5, 4}};
        for (int y = 0; y < years.length; y++) {
            put(t, "a", a[y][0] + a[y][1], "financial_year", years[y]);
            put(t, "b", b[y][0] + b[y][1], "financial_year", years[y]);
            put(t, "a", a[y][0], "financial_year", years[y], "service_area", "SAT");
            put(t, "a", a[y][1], "financial_year", years[y], "service_area", "IFD");
            put(t, "b", b[y][0], "financial_year", years[y], "service_area", "SAT");
            put(t, "b", b[y][1], "financial_year", years[y], "service_area", "IFD");
        }
        assertThat(IdentityMiner.mine(t).withinPeriod()).isZero();
        assertThat(t.identities()).isEmpty();
    }

    /**
     * Two figures equal in six years of totals, with nothing finer to try them on: six rows are too
     * few to tell an identity from a coincidence of small counts, so it is not taken.
     */
    @Test
    void anIdentitySeenOnlyInSixYearsOfTotalsIsNotTaken() {
        CountTable t = new CountTable();
        long[] v = {3, 5, 2, 4, 1, 6};
        for (int y = 0; y < v.length; y++) {
            String year = (2017 + y) + "-" + (18 + y);
            put(t, "x", v[y], "financial_year", year);
            put(t, "y", v[y], "financial_year", year);
        }
        assertThat(IdentityMiner.mine(t).withinPeriod()).isZero();
    }
}
