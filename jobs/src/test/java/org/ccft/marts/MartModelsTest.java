package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ccft.quality.DeclaredCheck;
import org.ccft.quality.QualityCatalog;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The marts as models: found by listing their folder, built in the order their SQL reads each
 * other, each with its checks, and each case of each mart's definition (given rows, expected rows)
 * run against its SQL in one Spark session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MartModelsTest {

    MartCases cases;

    @BeforeAll
    void referenceTables() {
        cases =
                new MartCases(
                        TestSpark.session(),
                        "E10000003",
                        "tests-only-key-never-a-secret-0123456789"
                                .getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryMart() {
        return MartCatalog.MARTS.stream()
                .flatMap(
                        mart ->
                                MartDefinition.of(mart).cases().stream()
                                        .map(
                                                c ->
                                                        DynamicTest.dynamicTest(
                                                                mart + ": " + c.name(),
                                                                () ->
                                                                        assertThat(
                                                                                        cases.run(
                                                                                                mart,
                                                                                                c))
                                                                                .as(
                                                                                        mart
                                                                                                + ": "
                                                                                                + c
                                                                                                        .name())
                                                                                .isEmpty())));
    }

    @Test
    void everyMartHasItsCases() {
        // spc_xmr's rules (limits, shifts, trends) are held by SpcXmrTest, over longer series.
        assertThat(MartCatalog.MARTS)
                .filteredOn(m -> !m.equals("spc_xmr"))
                .allSatisfy(m -> assertThat(MartDefinition.of(m).cases()).as(m).isNotEmpty());
    }

    @Test
    void aCaseThatExpectsOtherRowsFailsNamingThem() {
        MartCase wrong =
                new MartCase(
                        "one compliment, expected twice",
                        "2023-04-03",
                        Map.of(
                                "feedback_records",
                                List.of(
                                        Map.of(
                                                "record_id",
                                                "R1",
                                                "feedback_type",
                                                "COMPLIMENT",
                                                "received_date",
                                                "2022-05-03"))),
                        "measure = 'compliments'",
                        List.of(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "measure",
                                        "compliments",
                                        "value",
                                        2)));
        assertThat(cases.run("at_a_glance", wrong))
                .containsExactlyInAnyOrder(
                        "expected, missing: {financial_year=2022-23, measure=compliments, value=2}",
                        "not expected: {financial_year=2022-23, measure=compliments, value=1}");
    }

    @Test
    void aGivenColumnTheViewDoesNotHaveIsAnErrorNamingIt() {
        MartCase wrong =
                new MartCase(
                        "misspelt",
                        "2023-04-03",
                        Map.of("feedback_records", List.of(Map.of("recieved_date", "2022-05-03"))),
                        null,
                        List.of());
        assertThatThrownBy(() -> cases.run("at_a_glance", wrong))
                .hasMessageContaining(
                        "marts/at_a_glance.yml, case 'misspelt': feedback_records has no column "
                                + "[recieved_date]");
    }

    @Test
    void theReadsOfASqlAreItsRelationsLessItsOwnNames() {
        assertThat(
                        SqlReads.of(
                                "WITH a AS (SELECT * FROM feedback_records), b AS (SELECT * FROM a JOIN themes t "
                                        + "ON true) SELECT * FROM b WHERE x IN (SELECT y FROM Working_Days) "
                                        + "AND EXISTS (SELECT 1 FROM as_at)"))
                .containsExactly("as_at", "feedback_records", "themes", "working_days");
        assertThatThrownBy(() -> SqlReads.of("SELEC nothing")).hasMessageContaining("cannot parse");
    }

    @Test
    void buildOrderPutsEachModelAfterWhatItReadsAndRefusesACircle() {
        Map<String, String> models =
                Map.of("c", "SELECT * FROM b", "b", "SELECT * FROM a JOIN x", "a", "SELECT 1");
        assertThat(MartCatalog.buildOrder(models, Set.of())).containsExactly("a", "b", "c");
        assertThatThrownBy(
                        () ->
                                MartCatalog.buildOrder(
                                        Map.of("p", "SELECT * FROM q", "q", "SELECT * FROM p"),
                                        Set.of()))
                .hasMessageContaining("in a circle: [p, q]");
    }

    @Test
    void theCatalogIsWhatTheFoldersHold() throws IOException {
        // Every SQL file of the folder is a mart, with its definition beside it.
        Path folder = Path.of("src/main/resources/marts");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> sql =
                    files.map(f -> f.getFileName().toString())
                            .filter(f -> f.endsWith(".sql"))
                            .map(f -> f.substring(0, f.length() - 4))
                            .toList();
            assertThat(MartCatalog.MARTS)
                    .hasSizeGreaterThanOrEqualTo(29)
                    .containsExactlyInAnyOrderElementsOf(sql);
            sql.forEach(m -> assertThat(folder.resolve(m + ".yml")).exists());
        }
        assertThat(MartCatalog.CONTRACT_MARTS)
                .containsExactlyInAnyOrder(
                        "at_a_glance",
                        "complaint_outcomes",
                        "complaint_timeliness",
                        "complaint_themes",
                        "lgo_outcomes",
                        "sat_complaints_vs_ehcp",
                        "commitment_followup",
                        "adjustments_compliance");
        assertThat(MartCatalog.INTERMEDIATE)
                .containsSubsequence("feedback_records", "complaint_stages");
        // What each mart reads of the others, found in its SQL (it was a hand-kept list).
        assertThat(MartCatalog.READS_MARTS)
                .isEqualTo(
                        Map.of(
                                "other_feedback", List.of("feedback_by_quarter"),
                                "learning_summary", List.of("learning_actions"),
                                "code_compliance", List.of("code_timeliness"),
                                "complaint_stages_due", List.of("complaint_worklist"),
                                "service_area_complaints", List.of("complaints_by_service_area"),
                                "ombudsman_year", List.of("lgo_caseload", "lgo_outcomes"),
                                "spc_xmr",
                                        List.of(
                                                "complaint_response_times",
                                                "ehcp_monthly_performance")));
        MartCatalog.READS_MARTS.forEach(
                (mart, reads) ->
                        reads.forEach(
                                read ->
                                        assertThat(MartCatalog.MARTS.indexOf(read))
                                                .isLessThan(MartCatalog.MARTS.indexOf(mart))));
    }

    @Test
    void eachMartsChecksJoinTheNightlyCatalog() {
        DeclaredCheck.Catalog catalog = QualityCatalog.load();
        assertThat(catalog.checks(BuildMartsStep.CHECKS))
                .allSatisfy(c -> assertThat(c.layer()).isEqualTo("marts"))
                .extracting(DeclaredCheck::name)
                .contains(
                        "at_a_glance_reconciles",
                        "outcomes_add_up",
                        "timeliness_bounded",
                        "summary_reconciles",
                        "lgo_caseload_adds_up",
                        "xmr_limits_ordered");
        assertThat(catalog.checks())
                .filteredOn(c -> c.name().equals("xmr_limits_ordered"))
                .singleElement()
                .satisfies(c -> assertThat(c.table()).isEqualTo("spc_xmr"));
    }
}
