package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.marts.Audience;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartDefinition;
import org.ccft.nightly.ExitCode;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published marts in readers' hands, on a warehouse loaded by the real nightly job: four open
 * corporate stage-1 complaints received 2022-06-01 (MergeOrderingTest's D1), so At a Glance 2022-23
 * has corporate_stage1 = 4 and the team's worklist four open stages.
 */
@WholeJob
class ReadersDoorTest {

    @TempDir static Path tmp;
    static Warehouse w;
    static String dir;

    @BeforeAll
    static void load() throws Exception {
        w = new Warehouse(tmp);
        dir = w.root.toString();
        MergeOrderingTest.D1.writeTo(w.landing);
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void everyMartDeclaresWhoMayReadIt() throws Exception {
        List<String> team =
                MartCatalog.MARTS.stream()
                        .filter(m -> MartDefinition.of(m).readers() == Audience.TEAM)
                        .toList();
        assertThat(team)
                .containsExactlyInAnyOrder(
                        "complaint_worklist",
                        "commitments_outstanding",
                        "adjustments_by_complainant");
        JsonNode dictionary =
                new ObjectMapper()
                        .readTree(w.root.resolve("published/data-dictionary.json").toFile());
        assertThat(dictionary.get("marts"))
                .hasSize(MartCatalog.MARTS.size())
                .allSatisfy(
                        m ->
                                assertThat(m.get("audience").asText())
                                        .isIn("public", "internal", "team"));
        assertThat(Files.readString(w.root.resolve("published/data-dictionary.md")))
                .contains("- Audience: team", "- Audience: internal", "- Audience: public");
    }

    /**
     * The public reads the public release only, after disclosure control, worked out by hand: At a
     * Glance's corporate stage 1 (4) is a one-way total, exact; all four are the SAT's, and no
     * other service area has any, so the SAT's 4 at corporate stage 1 gives nothing away that the
     * SAT's exact total (4) does not and is shown; the four are all one theme (PLANS), and the
     * year's complaints by theme are one-way totals too, published exactly (4, a share of 1), in
     * the mart and in the statistics table by theme.
     */
    @Test
    void thePublicReadsTheReleaseAfterDisclosureControl() throws Exception {
        Commands.Result glance =
                Commands.ccft(
                        "sql",
                        "--warehouse",
                        dir,
                        "--audience",
                        "public",
                        "SELECT value FROM "
                                + "at_a_glance WHERE financial_year = '2022-23' AND measure = 'corporate_stage1'");
        assertThat(glance.stdout()).isEqualTo("value\r\n4\r\n");
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "--audience",
                                        "public",
                                        "SELECT service_area, procedure, stage, "
                                                + "received, suppressed FROM complaints_by_service_area WHERE financial_year = '2022-23'")
                                .stdout())
                .isEqualTo(
                        "service_area,procedure,stage,received,suppressed\r\nSAT,CORPORATE,1,4,\r\n");
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "--audience",
                                        "public",
                                        "SELECT theme, records, share, "
                                                + "suppressed FROM complaint_themes WHERE financial_year = '2022-23'")
                                .stdout())
                .isEqualTo("theme,records,share,suppressed\r\nPLANS,4,1.0,\r\n");
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "--audience",
                                        "public",
                                        "SELECT time_period, theme, complaints_and_enquiries_received "
                                                + "FROM statistics_by_theme WHERE time_period = '202223' ORDER BY theme")
                                .stdout())
                .isEqualTo(
                        "time_period,theme,complaints_and_enquiries_received\r\n202223,Plans,4\r\n202223,Total,4\r\n");
        // The staff's exact figure, for comparison.
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "SELECT records FROM complaint_themes "
                                                + "WHERE financial_year = '2022-23'")
                                .stdout())
                .isEqualTo("records\r\n4\r\n");
        for (String mart : List.of("complaint_response_times", "spc_xmr", "complaint_worklist")) {
            Commands.Result refused =
                    Commands.ccft(
                            "sql",
                            "--warehouse",
                            dir,
                            "--audience",
                            "public",
                            "SELECT * FROM " + mart);
            assertThat(refused.exitCode()).as(mart).isEqualTo(ExitCode.QUERY_FAILED);
        }
        JsonNode disclosure =
                new ObjectMapper()
                        .readTree(
                                w.root.resolve("published/files/public/disclosure.json").toFile());
        assertThat(disclosure.at("/marts/spc_xmr/withheld").asText()).isNotEmpty();
        assertThat(disclosure.at("/marts/at_a_glance/exempt").asText()).isNotEmpty();
        assertThat(disclosure.at("/marts/complaint_themes/suppressed_cells").asInt()).isZero();
        assertThat(disclosure.get("policy").asText()).contains("one-way totals by stage");
        assertThat(disclosure.get("statistics_tables").toString()).contains("statistics_by_theme");
    }

    @Test
    void anAnalystAsksAndIsAnsweredInEachFormat() {
        String q =
                "SELECT measure, value FROM at_a_glance WHERE financial_year = '2022-23' "
                        + "AND measure IN ('corporate_stage1', 'corporate_stage2') ORDER BY measure";
        Commands.Result csv = Commands.ccft("sql", "--warehouse", dir, q);
        assertThat(csv.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(csv.stdout())
                .isEqualTo("measure,value\r\ncorporate_stage1,4\r\ncorporate_stage2,0\r\n");
        assertThat(Commands.ccft("sql", "--warehouse", dir, "--format", "json", q).stdout().trim())
                .isEqualTo(
                        "[{\"measure\":\"corporate_stage1\",\"value\":4},{\"measure\":\"corporate_stage2\",\"value\":0}]");
        assertThat(Commands.ccft("sql", "--warehouse", dir, "--format", "table", q).lines())
                .containsExactly(
                        "measure          | value",
                        "-----------------+------",
                        "corporate_stage1 |     4",
                        "corporate_stage2 |     0",
                        "(2 rows)");
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "WITH y AS (SELECT * FROM at_a_glance) "
                                                + "SELECT sum(value) AS total FROM y WHERE financial_year = '2022-23' AND measure LIKE 'corporate%'")
                                .lines())
                .containsExactly("total", "4");
    }

    /**
     * Every way out of the published marts that a reader might try; each is refused, and nothing
     * changes.
     */
    @Test
    void escapesAreRefused() throws Exception {
        String raw = w.root.resolve("raw/feedback_records").toString();
        Path copied = tmp.resolve("copied.csv");
        List<String> escapes =
                List.of(
                        "SELECT complainant_name, child_name FROM delta.`" + raw + "` LIMIT 2",
                        "SELECT * FROM text.`/etc/hostname`",
                        "DELETE FROM delta.`" + w.root.resolve("marts/at_a_glance") + "`",
                        "DELETE FROM at_a_glance",
                        "INSERT INTO at_a_glance VALUES ('2022-23', 'compliments', 1, 1)",
                        "UPDATE at_a_glance SET value = 0",
                        "DROP TABLE at_a_glance",
                        "CREATE TABLE copy AS SELECT * FROM at_a_glance",
                        "SET enable_external_access = true",
                        "RESET lock_configuration",
                        "SELECT * FROM read_parquet('" + raw + "/*.parquet')",
                        "SELECT * FROM read_csv('/etc/hostname')",
                        "SELECT * FROM read_text('/etc/passwd')",
                        "SELECT * FROM '"
                                + w.root.resolve("conformed/feedback_records")
                                + "/**/*.parquet'",
                        "SELECT * FROM feedback_records",
                        "SELECT * FROM raw.feedback_records",
                        "SELECT * FROM main.complaint_worklist",
                        "SELECT * FROM complaint_worklist",
                        "SELECT a.*, w.* FROM at_a_glance a, complaint_worklist w",
                        "ATTACH '" + w.root.resolve("ops/jobrepo.mv.db") + "' AS repo",
                        "COPY (SELECT * FROM at_a_glance) TO '" + copied + "'",
                        "EXPORT DATABASE '" + tmp.resolve("exported") + "'",
                        "INSTALL httpfs",
                        "LOAD httpfs",
                        "SELECT getenv('CCFT_PSEUDONYMISATION_KEY')",
                        "SELECT current_setting('home_directory')",
                        "SELECT reflect('java.lang.System', 'getenv', 'CCFT_PSEUDONYMISATION_KEY')",
                        "SELECT * FROM duckdb_settings()",
                        "SELECT * FROM glob('/*')",
                        "SELECT * FROM query('SELECT * FROM read_csv(''/etc/hostname'')')",
                        "PRAGMA database_list",
                        "CALL pragma_version()",
                        "WITH x AS (SELECT * FROM read_csv('/etc/hostname')) SELECT * FROM x",
                        "SELECT (SELECT count(*) FROM read_parquet('"
                                + raw
                                + "/*.parquet')) AS n FROM at_a_glance",
                        "SELECT * FROM at_a_glance; DROP TABLE at_a_glance",
                        "SELECT * FROM at_a_glance AT (VERSION => 0)",
                        "CACHE TABLE at_a_glance",
                        "ADD JAR '/tmp/evil.jar'");
        long before = DeltaTables.latestVersion(TestSpark.session(), w.layout.mart("at_a_glance"));
        List<String> answered = new ArrayList<>();
        for (String q : escapes) {
            Commands.Result r = Commands.ccft("sql", "--warehouse", dir, q);
            if (r.exitCode() != ExitCode.QUERY_FAILED || !r.stdout().isEmpty()) {
                answered.add(q + " -> " + r.exitCode() + ": " + r.stdout());
            }
        }
        assertThat(answered).as("escapes that were not refused").isEmpty();
        assertThat(escapes).hasSizeGreaterThanOrEqualTo(20);
        assertThat(copied).doesNotExist();
        assertThat(tmp.resolve("exported")).doesNotExist();
        assertThat(DeltaTables.latestVersion(TestSpark.session(), w.layout.mart("at_a_glance")))
                .isEqualTo(before);
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "SELECT count(*) AS n FROM at_a_glance")
                                .exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void theTeamAsksForItsListsAndEveryQueryIsLoggedWithoutItsRows() throws Exception {
        String q = "SELECT case_reference, due FROM complaint_worklist ORDER BY case_reference";
        Commands.Result answered =
                Commands.ccft("sql", "--warehouse", dir, "--audience", "team", q);
        assertThat(answered.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(answered.lines()).hasSize(5); // a header and the four open stages
        List<String> references =
                answered.lines().stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(references).allSatisfy(r -> assertThat(r).matches("P[0-9A-F]{12}"));
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        dir,
                                        "--audience",
                                        "team",
                                        "SELECT * FROM conformed_feedback")
                                .exitCode())
                .isEqualTo(ExitCode.QUERY_FAILED);

        Path log = w.root.resolve("ops/access/team-queries.jsonl");
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            entries.add(new ObjectMapper().readTree(line));
        }
        JsonNode first = entries.get(entries.size() - 2);
        assertThat(first.get("outcome").asText()).isEqualTo("answered");
        assertThat(first.get("rows").asInt()).isEqualTo(4);
        assertThat(first.get("marts").toString()).isEqualTo("[\"complaint_worklist\"]");
        assertThat(first.get("user").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(entries.get(entries.size() - 1).get("outcome").asText()).isEqualTo("refused");
        String text = Files.readString(log);
        assertThat(references).noneSatisfy(r -> assertThat(text).contains(r));
        assertThat(text).doesNotContain("complaint_worklist ORDER BY");
    }

    @Test
    void everyPublishWritesParquetCsvAndAWorkbookOfTheStaffsMartsAsPublished() throws Exception {
        SparkSession spark = TestSpark.session();
        Path files = w.root.resolve("published/files/internal");
        List<String> forStaff =
                MartCatalog.MARTS.stream()
                        .filter(m -> MartDefinition.of(m).readers() != Audience.TEAM)
                        .toList();
        try (Stream<Path> csvs = Files.list(files.resolve("csv"))) {
            assertThat(csvs.map(p -> p.getFileName().toString().replace(".csv", "")))
                    .containsExactlyInAnyOrderElementsOf(forStaff);
        }
        for (String mart : forStaff) {
            List<String> delta = w.mart(mart);
            List<String> parquet =
                    spark
                            .read()
                            .parquet(files.resolve("parquet/" + mart + ".parquet").toString())
                            .selectExpr("to_json(struct(*))")
                            .collectAsList()
                            .stream()
                            .map(r -> r.getString(0))
                            .sorted()
                            .toList();
            assertThat(parquet).as(mart).isEqualTo(delta);
            byte[] csv = Files.readAllBytes(files.resolve("csv/" + mart + ".csv"));
            assertThat(csv).as(mart).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            assertThat(new String(csv, StandardCharsets.UTF_8).split("\r\n"))
                    .as(mart)
                    .hasSize(delta.size() + 1);
        }
        assertThat(files.resolve("parquet/complaint_worklist.parquet")).doesNotExist();
        try (XSSFWorkbook book =
                new XSSFWorkbook(Files.newInputStream(files.resolve("ccft-marts.xlsx")))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets.subList(0, 2)).containsExactly("Contents", "Columns");
            assertThat(sheets.subList(2, sheets.size())).containsExactlyElementsOf(forStaff);
            var contents = book.getSheet("Contents");
            // The contents list the marts in the catalog's order, each with its title and audience.
            MartDefinition first = MartDefinition.of(forStaff.get(0));
            assertThat(contents.getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo(forStaff.get(0));
            assertThat(contents.getRow(3).getCell(1).getStringCellValue()).isEqualTo(first.title());
            assertThat(contents.getRow(3).getCell(2).getStringCellValue())
                    .isEqualTo(first.audience());
            var glance = book.getSheet("at_a_glance");
            // An Excel table with filters, under friendly headers.
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) glance).getTables()).hasSize(1);
            assertThat(glance.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Measure");
            boolean found = false;
            for (var row : glance) {
                if (row.getRowNum() > 0
                        && row.getCell(0).getStringCellValue().equals("2022-23")
                        && row.getCell(1).getStringCellValue().equals("corporate_stage1")) {
                    // The code's name beside it, then the figure.
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Corporate stage 1");
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(4.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        // The same files in the release the pointer names, with the team's lists beside them for
        // ccft sql.
        JsonNode pointer =
                new ObjectMapper().readTree(w.root.resolve("published/current.json").toFile());
        Path release =
                w.root.resolve("published/releases").resolve(pointer.get("release").asText());
        assertThat(Files.readAllBytes(release.resolve("internal/csv/at_a_glance.csv")))
                .isEqualTo(Files.readAllBytes(files.resolve("csv/at_a_glance.csv")));
        assertThat(release.resolve("team/parquet/complaint_worklist.parquet")).exists();
    }

    @Test
    void martsStayReadableByDeltaReadersOtherThanSpark() {
        SparkSession spark = TestSpark.session();
        for (String mart : MartCatalog.MARTS) {
            int[] protocol = DeltaTables.protocol(spark, w.layout.mart(mart));
            assertThat(protocol[0]).as(mart + " reader protocol").isEqualTo(1);
            assertThat(protocol[1]).as(mart + " writer protocol").isLessThanOrEqualTo(2);
        }
    }
}
