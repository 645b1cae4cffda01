package org.ccft.published.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.ccft.published.disclosure.CountTable;
import org.ccft.published.disclosure.PolicyFixture;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.published.disclosure.Suppression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public figures as DfE's tidy tables, and the conventions of explore education statistics that
 * every file must pass: written from a hand-made table, read back as text.
 */
class StatisticsTablesTest {

    private static final PublicationPolicy POLICY = PolicyFixture.shipped();
    private static final StatisticsTables.Council COUNCIL =
            new StatisticsTables.Council(
                    "E10000003", "873", "Cambridgeshire", "E12000006", "East of England");

    private static void put(CountTable t, String figure, long value, String... coordinates) {
        PolicyFixture.figure(t, POLICY, figure, value, coordinates);
    }

    /**
     * Complaints received in 2022-23 by service area (the SAT's 190, Adoption's 3) and in all
     * (193), with the ombudsman's enquiries for the SAT only: one table by service area, the year's
     * figure its Total row, x where a figure is not held. The 3 is marked suppressed by hand here,
     * to see the symbol written (disclosure control is SuppressionTest's).
     */
    @Test
    void figuresByOneClassificationMakeOneTableWithTotalRows(@TempDir Path dir) throws Exception {
        CountTable t = new CountTable();
        put(t, "complaints_received", 193, "financial_year", "2022-23");
        put(t, "complaints_received", 190, "financial_year", "2022-23", "service_area", "SAT");
        put(t, "complaints_received", 3, "financial_year", "2022-23", "service_area", "ADOPTION");
        put(t, "lgo_received", 14, "financial_year", "2022-23", "service_area", "SAT");
        Suppression.Result result =
                new Suppression.Result(
                        java.util.Set.of(
                                "complaints_received{financial_year=2022-23, service_area=ADOPTION}"),
                        java.util.Set.of(),
                        java.util.Set.of());

        List<StatisticsTables.Table> tables = new StatisticsTables(POLICY, COUNCIL).of(t, result);

        assertThat(tables)
                .extracting(StatisticsTables.Table::name)
                .containsExactly("statistics_by_service_area");
        StatisticsTables.Table table = tables.get(0);
        assertThat(table.filters()).containsExactly("service_area");
        assertThat(table.indicators()).containsExactly("complaints_received", "lgo_received");
        assertThat(table.rows())
                .containsExactly(
                        List.of(
                                "202223",
                                "Financial year",
                                "Local authority",
                                "E92000001",
                                "England",
                                "E12000006",
                                "East of England",
                                "E10000003",
                                "873",
                                "Cambridgeshire",
                                "Adoption",
                                "c",
                                "x"),
                        List.of(
                                "202223",
                                "Financial year",
                                "Local authority",
                                "E92000001",
                                "England",
                                "E12000006",
                                "East of England",
                                "E10000003",
                                "873",
                                "Cambridgeshire",
                                "Statutory Assessment Team",
                                "190",
                                "14"),
                        List.of(
                                "202223",
                                "Financial year",
                                "Local authority",
                                "E92000001",
                                "England",
                                "E12000006",
                                "East of England",
                                "E10000003",
                                "873",
                                "Cambridgeshire",
                                "Total",
                                "193",
                                "x"));

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            StatisticsFiles.write(db, tables, dir.resolve("statistics"), dir);
        }
        Path csv = dir.resolve("statistics/statistics_by_service_area.csv");
        assertThat(EesConventions.check(csv)).isEmpty();
        assertThat(
                        Files.readString(
                                dir.resolve("statistics/statistics_by_service_area.meta.csv"),
                                StandardCharsets.UTF_8))
                .contains("service_area,Filter,Service area,,,,,")
                .contains("complaints_received,Indicator,Complaints received,,,0,,");
        assertThat(Files.exists(dir.resolve("statistics_by_service_area.parquet"))).isTrue();
    }

    /** Each rule of the conventions, broken once in a file that otherwise passes. */
    @Test
    void theConventionsNameTheFileRowAndRule(@TempDir Path dir) throws Exception {
        String header =
                "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                        + "region_name,new_la_code,old_la_code,la_name,service_area,complaints_received\n";
        String place =
                "Local authority,E92000001,England,E12000006,East of England,E10000003,873,Cambridgeshire";
        String meta =
                "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n"
                        + "service_area,Filter,Service area,,,,,\n"
                        + "complaints_received,Indicator,Complaints received,,,0,,\n";
        Path good = dir.resolve("good.csv");
        Files.writeString(good, header + "202223,Financial year," + place + ",Total,193\n");
        Files.writeString(dir.resolve("good.meta.csv"), meta);
        assertThat(EesConventions.check(good)).isEmpty();

        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                header
                        + "202224,Financial year,"
                        + place
                        + ",SAT,\n"
                        + "2022,Financial year,"
                        + place
                        + ",IFD,~\n"
                        + "202223,Quarter 5,"
                        + place
                        + ",Adoption,12a\n");
        Files.writeString(
                dir.resolve("bad.meta.csv"), meta.replace("Service area", "Complaints received"));
        assertThat(EesConventions.check(bad))
                .contains(
                        "bad.csv: row 2: column complaints_received: blank cell (write a GSS symbol: c, x, z or low)",
                        "bad.csv: row 2: time_period 202224: six digits name consecutive years (202223)",
                        "bad.csv: row 3: time_period 2022: six digits for Financial year",
                        "bad.csv: row 3: indicator complaints_received: legacy symbol ~",
                        "bad.csv: row 4: time_identifier Quarter 5: not one explore education statistics accepts",
                        "bad.csv: row 4: indicator complaints_received: 12a is neither a number nor a GSS symbol (c, x, z, low)",
                        "bad.meta.csv: row 3: label Complaints received: used twice");
        Path spaced = dir.resolve("Bad Name.csv");
        Files.writeString(spaced, header);
        assertThat(EesConventions.check(spaced))
                .contains(
                        "Bad Name.csv: file name: lower case letters, digits and _ only, ending .csv",
                        "Bad Name.csv: metadata: no Bad Name.meta.csv beside it");
    }
}
