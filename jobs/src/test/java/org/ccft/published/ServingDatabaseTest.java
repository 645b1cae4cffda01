package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.types.StructType;
import org.ccft.config.CcftProperties;
import org.ccft.marts.MartDefinition;
import org.ccft.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication in a real PostgreSQL server: a schema and a read-only role per audience, comments
 * from the dictionary, and a swap in one transaction. Each publication here is made to be told
 * apart: run N's At a Glance holds three rows whose values add up to 10 × N.
 */
class ServingDatabaseTest {

    static PostgresServer pg;
    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static ServingDatabase serving() {
        CcftProperties.Serving s = new CcftProperties.Serving();
        s.setJdbcUrl(pg.url());
        s.setUsername("ccft");
        return new ServingDatabase(s);
    }

    private static final DataDictionary DICTIONARY =
            DataDictionary.of(
                    List.of(
                            new DataDictionary.Entry(
                                    "at_a_glance",
                                    7,
                                    MartDefinition.of("at_a_glance"),
                                    StructType.fromDDL(
                                            "financial_year STRING, measure STRING, value BIGINT, previous_year_value BIGINT")),
                            new DataDictionary.Entry(
                                    "complaint_worklist",
                                    3,
                                    MartDefinition.of("complaint_worklist"),
                                    StructType.fromDDL(
                                            "case_reference STRING, due STRING, working_days_left INT"))),
                    "2023-04-06");

    /** A release of run {@code run}: its files in a folder, as the release writer stages them. */
    private static Path release(long run) throws Exception {
        Path folder = tmp.resolve("release-" + run);
        Files.createDirectories(folder.resolve("internal/parquet"));
        Files.createDirectories(folder.resolve("team/parquet"));
        Files.createDirectories(folder.resolve("public/parquet"));
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement()) {
            sql.execute(
                    "COPY (SELECT * FROM (VALUES ('2022-23', 'compliments', "
                            + (5 * run)
                            + "::BIGINT, 3::BIGINT), "
                            + "('2022-23', 'corporate_stage1', "
                            + (3 * run)
                            + "::BIGINT, NULL), "
                            + "('2022-23', 'it''s \"quoted\", ok', "
                            + (2 * run)
                            + "::BIGINT, 0::BIGINT)) "
                            + "t(financial_year, measure, value, previous_year_value)) TO "
                            + DuckDb.literal(
                                    folder.resolve("internal/parquet/at_a_glance.parquet")
                                            .toString())
                            + " (FORMAT parquet)");
            sql.execute(
                    "COPY (SELECT * FROM (VALUES ('P0123456789AB', 'OVERDUE', -2), ('P0123456789AC', NULL, 4)) "
                            + "t(case_reference, due, working_days_left)) TO "
                            + DuckDb.literal(
                                    folder.resolve("team/parquet/complaint_worklist.parquet")
                                            .toString())
                            + " (FORMAT parquet)");
            // The public release: the mart after disclosure control, and a statistics table.
            sql.execute(
                    "COPY (SELECT financial_year, measure, CASE WHEN value <= 5 THEN NULL ELSE value END AS value, "
                            + "previous_year_value, CASE WHEN value <= 5 THEN 'value' ELSE '' END AS suppressed FROM "
                            + "read_parquet("
                            + DuckDb.literal(
                                    folder.resolve("internal/parquet/at_a_glance.parquet")
                                            .toString())
                            + ")) TO "
                            + DuckDb.literal(
                                    folder.resolve("public/parquet/at_a_glance.parquet").toString())
                            + " (FORMAT parquet)");
            sql.execute(
                    "COPY (SELECT '202223' AS time_period, 'Financial year' AS time_identifier, "
                            + "'Local authority' AS geographic_level, '"
                            + (10 * run)
                            + "' AS complaints_received) TO "
                            + DuckDb.literal(
                                    folder.resolve("public/parquet/statistics_totals.parquet")
                                            .toString())
                            + " (FORMAT parquet)");
        }
        return folder;
    }

    private static Publication.Published published(long run) {
        return new Publication.Published(
                run,
                "2023-04-06",
                "2026-12-02T01:0" + run + ":00Z",
                Map.of("at_a_glance", 7L, "complaint_worklist", 3L),
                "run-" + run + "-1",
                "K0000000001",
                null);
    }

    private static Connection as(String user) throws SQLException {
        return DriverManager.getConnection(pg.url(), user, "");
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getString(i));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    @Test
    void eachAudienceHasItsSchemaAndARoleThatCanOnlyReadIt() throws Exception {
        serving().publish(published(1), DICTIONARY, release(1));
        try (Connection admin = pg.connect();
                Statement s = admin.createStatement()) {
            assertThat(rows(admin, "SELECT * FROM ccft_internal.at_a_glance ORDER BY measure"))
                    .containsExactly(
                            "2022-23|compliments|5|3",
                            "2022-23|corporate_stage1|3|null",
                            "2022-23|it's \"quoted\", ok|2|0");
            assertThat(rows(admin, "SELECT * FROM ccft_team.complaint_worklist ORDER BY 1"))
                    .containsExactly("P0123456789AB|OVERDUE|-2", "P0123456789AC|null|4");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT mart, audience, version, row_count, as_at_date, run_id "
                                            + "FROM ccft_internal.publication"))
                    .containsExactly("at_a_glance|public|7|3|2023-04-06|1");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT col_description('ccft_internal.at_a_glance'::regclass, 3)"))
                    .containsExactly("Records received in the year.");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT data_type FROM information_schema.columns WHERE table_schema = "
                                            + "'ccft_internal' AND table_name = 'at_a_glance' ORDER BY ordinal_position"))
                    .containsExactly("text", "text", "bigint", "bigint");
            s.execute("CREATE ROLE analyst LOGIN IN ROLE ccft_internal_reader");
            s.execute("CREATE ROLE caseworker LOGIN IN ROLE ccft_team_reader");
        }
        try (Connection analyst = as("analyst")) {
            assertThat(rows(analyst, "SELECT count(*) FROM ccft_internal.at_a_glance"))
                    .containsExactly("3");
            assertThatThrownBy(() -> rows(analyst, "SELECT * FROM ccft_team.complaint_worklist"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(
                            () ->
                                    rows(
                                            analyst,
                                            "DELETE FROM ccft_internal.at_a_glance RETURNING 1"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection caseworker = as("caseworker")) {
            assertThat(rows(caseworker, "SELECT count(*) FROM ccft_team.complaint_worklist"))
                    .containsExactly("2");
            assertThat(rows(caseworker, "SELECT count(*) FROM ccft_internal.at_a_glance"))
                    .containsExactly("3");
        }
        // The grants hold for the next publication's new tables too.
        serving().publish(published(2), DICTIONARY, release(2));
        try (Connection analyst = as("analyst")) {
            assertThat(rows(analyst, "SELECT sum(value) FROM ccft_internal.at_a_glance"))
                    .containsExactly("20");
        }
    }

    @Test
    void aReaderDuringPublishesSeesTheOldOrTheNewNeverAMix() throws Exception {
        serving().publish(published(3), DICTIONARY, release(3));
        AtomicBoolean publishing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (Connection c = pg.connect()) {
                                for (int i = 0; i < 20_000 && publishing.get(); i++) {
                                    seen.addAll(
                                            rows(
                                                    c,
                                                    "SELECT (SELECT max(run_id) FROM ccft_internal.publication) || ':' || "
                                                            + "(SELECT sum(value) FROM ccft_internal.at_a_glance)"));
                                }
                            } catch (SQLException e) {
                                seen.add("error: " + e.getMessage());
                            }
                        });
        reader.start();
        for (long run = 4; run <= 8; run++) {
            serving().publish(published(run), DICTIONARY, release(run));
        }
        publishing.set(false);
        reader.join();
        assertThat(seen)
                .isNotEmpty()
                .allSatisfy(
                        pair -> {
                            String[] p = pair.split(":");
                            assertThat(Long.parseLong(p[1]))
                                    .as(pair)
                                    .isEqualTo(10 * Long.parseLong(p[0]));
                        });
        try (Connection c = pg.connect()) {
            assertThat(
                            rows(
                                    c,
                                    "SELECT (SELECT max(run_id) FROM ccft_internal.publication) || ':' || "
                                            + "(SELECT sum(value) FROM ccft_internal.at_a_glance)"))
                    .as("the last publication")
                    .containsExactly("8:80");
        }
    }

    @Test
    void aPublishThatFailsLeavesTheOldOne() throws Exception {
        serving().publish(published(9), DICTIONARY, release(9));
        Path broken = release(10);
        Files.delete(broken.resolve("team/parquet/complaint_worklist.parquet"));
        assertThatThrownBy(() -> serving().publish(published(10), DICTIONARY, broken))
                .hasMessageContaining("the publication there is unchanged");
        try (Connection admin = pg.connect()) {
            assertThat(rows(admin, "SELECT run_id FROM ccft_internal.publication"))
                    .containsExactly("9");
            assertThat(rows(admin, "SELECT sum(value) FROM ccft_internal.at_a_glance"))
                    .containsExactly("90");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ccft%' ORDER BY 1"))
                    .containsExactly("ccft_internal", "ccft_public", "ccft_team");
        }
    }

    /**
     * The public's schema holds the public release as it is (a protected figure null, the
     * statistics tables as text), read by its own role; staff read it too, the public nothing else.
     */
    @Test
    void thePublicSchemaHoldsThePublicReleaseAndItsRoleReadsNothingElse() throws Exception {
        serving().publish(published(4), DICTIONARY, release(4));
        try (Connection admin = pg.connect();
                Statement s = admin.createStatement()) {
            // run 4: compliments 20, corporate stage 1 12, the quoted measure 8 (none 5 or fewer)
            assertThat(
                            rows(
                                    admin,
                                    "SELECT measure, value, suppressed FROM ccft_public.at_a_glance ORDER BY measure"))
                    .containsExactly(
                            "compliments|20|", "corporate_stage1|12|", "it's \"quoted\", ok|8|");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT time_period, complaints_received FROM ccft_public.statistics_totals"))
                    .containsExactly("202223|40");
            assertThat(
                            rows(
                                    admin,
                                    "SELECT mart, audience FROM ccft_public.publication ORDER BY mart"))
                    .containsExactly("at_a_glance|public", "statistics_totals|public");
            s.execute("DROP ROLE IF EXISTS citizen");
            s.execute("CREATE ROLE citizen LOGIN IN ROLE ccft_public_reader");
            s.execute("DROP ROLE IF EXISTS officer");
            s.execute("CREATE ROLE officer LOGIN IN ROLE ccft_internal_reader");
        }
        try (Connection citizen = as("citizen");
                Connection officer = as("officer")) {
            assertThat(rows(citizen, "SELECT count(*) FROM ccft_public.statistics_totals"))
                    .containsExactly("1");
            assertThatThrownBy(() -> rows(citizen, "SELECT * FROM ccft_internal.at_a_glance"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> rows(citizen, "SELECT * FROM ccft_team.complaint_worklist"))
                    .hasMessageContaining("permission denied");
            assertThat(rows(officer, "SELECT count(*) FROM ccft_public.at_a_glance"))
                    .containsExactly("3");
        }
    }
}
