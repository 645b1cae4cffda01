package org.ccft.conformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformed tables are stored by financial year, and a night's MERGE opens only the years its
 * records are in or come from: the other years' files can be missing from disk and the night still
 * loads. A record whose received date is corrected into another year moves there, once.
 */
class YearPartitionsTest {

    private final SparkSession spark = TestSpark.session();

    private static final String FEEDBACK = "feedback_records";

    /** Stages the night's good feedback rows: (record_id, received_date, team, last_modified). */
    private void stage(WarehouseLayout layout, String exportId, String... rows) {
        String values =
                Stream.of(rows)
                        .map(r -> "(" + r + ", '" + exportId + "')")
                        .reduce((a, b) -> a + ", " + b)
                        .orElseThrow();
        DeltaTables.overwrite(
                spark.sql(
                        """
                SELECT record_id, CAST(received_date AS DATE) AS received_date, team,
                       CAST(last_modified AS TIMESTAMP) AS last_modified, false AS is_deleted, export_id,
                       concat('cms/', export_id, '/feedback_records.csv') AS source_file,
                       CAST(1 AS BIGINT) AS source_line
                FROM VALUES %s AS v(record_id, received_date, team, last_modified, export_id)
                """
                                .formatted(values)),
                layout.staging(FEEDBACK));
    }

    private void merge(WarehouseLayout layout) {
        new ConformedMerge(spark, layout).merge(CmsContract.FEEDBACK_RECORDS, List.of());
    }

    private static void deleteYear(WarehouseLayout layout, String year) throws IOException {
        Path dir = Path.of(layout.conformed(FEEDBACK), "received_financial_year=" + year);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private List<String> rows(WarehouseLayout layout, String where) {
        return DeltaTables.read(spark, layout.conformed(FEEDBACK))
                .where(where)
                .selectExpr("concat_ws(' ', record_id, received_financial_year, team)")
                .orderBy("record_id")
                .as(Encoders.STRING())
                .collectAsList();
    }

    @Test
    void aNightOpensOnlyTheYearsItsRecordsAreInOrComeFrom(@TempDir Path tmp) throws IOException {
        WarehouseLayout layout = new WarehouseLayout(tmp.toString());
        stage(
                layout,
                "20230401T020000Z",
                "'FB01', '2020-05-01', 'a', '2020-05-01T10:00:00Z'",
                "'FB02', '2021-06-01', 'a', '2021-06-01T10:00:00Z'",
                "'FB03', '2022-03-31', 'a', '2022-03-31T10:00:00Z'",
                "'FB04', '2022-04-01', 'a', '2022-04-01T10:00:00Z'");
        merge(layout);
        assertThat(DeltaTables.partitionColumns(spark, layout.conformed(FEEDBACK)))
                .containsExactly("received_financial_year");
        assertThat(rows(layout, "true"))
                .containsExactly(
                        "FB01 2020-21 a", "FB02 2021-22 a", "FB03 2021-22 a", "FB04 2022-23 a");

        // Tonight: FB03's received date is corrected into 2022-23, FB04 changes, FB05 is new. The
        // year 2020-21 is neither where tonight's records are nor where they were: its files are
        // not opened.
        deleteYear(layout, "2020-21");
        stage(
                layout,
                "20230402T020000Z",
                "'FB03', '2022-04-02', 'b', '2023-04-01T10:00:00Z'",
                "'FB04', '2022-04-01', 'b', '2023-04-01T10:00:00Z'",
                "'FB05', '2023-04-01', 'b', '2023-04-01T10:00:00Z'");
        merge(layout);

        assertThat(rows(layout, "received_financial_year <> '2020-21'"))
                .as("FB03 moved, once")
                .containsExactly(
                        "FB02 2021-22 a", "FB03 2022-23 b", "FB04 2022-23 b", "FB05 2023-24 b");
        assertThatThrownBy(() -> rows(layout, "true"))
                .as("2020-21's files really are gone")
                .hasStackTraceContaining("FileNotFound");
    }

    @Test
    void aTableMadeBeforeIsPartitionedOnce(@TempDir Path tmp) {
        WarehouseLayout layout = new WarehouseLayout(tmp.toString());
        stage(
                layout,
                "20230401T020000Z",
                "'FB01', '2020-05-01', 'a', '2020-05-01T10:00:00Z'",
                "'FB02', '2022-06-01', 'a', '2022-06-01T10:00:00Z'");
        Dataset<Row> unpartitioned = DeltaTables.read(spark, layout.staging(FEEDBACK));
        DeltaTables.overwrite(unpartitioned, layout.conformed(FEEDBACK));

        stage(layout, "20230402T020000Z", "'FB02', '2022-06-01', 'b', '2023-04-01T10:00:00Z'");
        merge(layout);
        long afterFirst = DeltaTables.latestVersion(spark, layout.conformed(FEEDBACK));
        stage(layout, "20230403T020000Z", "'FB03', '2023-06-01', 'c', '2023-06-01T10:00:00Z'");
        merge(layout);

        assertThat(DeltaTables.latestVersion(spark, layout.conformed(FEEDBACK)))
                .as("the second night only merges: no second rewrite")
                .isEqualTo(afterFirst + 1);
        assertThat(rows(layout, "true"))
                .containsExactly("FB01 2020-21 a", "FB02 2022-23 b", "FB03 2023-24 c");
    }
}
