package org.ccft.conformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.demo.DropWriter;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.ColumnSpec;
import org.ccft.testing.Cms;
import org.ccft.testing.LayerLevel;
import org.ccft.testing.Stages;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release 1.1 of the contract lands in a warehouse made under release 1.0: its raw and conformed
 * tables gain the new columns (null for the rows they held), and a 1.0 drop and a 1.1 drop load
 * side by side.
 */
@LayerLevel
class ContractReleaseTest {

    /** The columns release 1.1 added, as the contract marks them. */
    private static final Set<String> RELEASE_1_1 =
            CmsContract.FEEDBACK_RECORDS.columns().stream()
                    .filter(c -> "1.1".equals(c.since()))
                    .map(ColumnSpec::name)
                    .collect(java.util.stream.Collectors.toSet());

    @Test
    void aReleaseOneOneDropLandsInAWarehouseMadeUnderOneZero(@TempDir Path tmp) throws Exception {
        Path landing = tmp.resolve("landing");
        List<String> header = Cms.header(CmsContract.FEEDBACK_RECORDS);
        int[] kept =
                IntStream.range(0, header.size())
                        .filter(i -> !RELEASE_1_1.contains(header.get(i)))
                        .toArray();
        List<String> row10 =
                Cms.feedback("record_id=R1", "case_ref=C1", "last_modified=2022-12-01T10:00:00Z");
        new DropWriter(
                        landing,
                        "20230101T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-01T02:00:00Z"))
                .file("feedback_records.csv", pick(header, kept), List.of(pick(row10, kept)))
                .write();
        Stages stages = new Stages(tmp.resolve("warehouse"), landing);
        stages.toConformed();
        WarehouseLayout layout = stages.layout();
        SparkSession spark = TestSpark.session();
        // The warehouse as release 1.0 made it: its tables without the new columns.
        for (String path :
                List.of(
                        layout.raw("feedback_records"),
                        layout.staging("feedback_records"),
                        layout.conformed("feedback_records"))) {
            Dataset<Row> old =
                    spark.read()
                            .format("delta")
                            .load(path)
                            .drop(RELEASE_1_1.toArray(String[]::new));
            var writer =
                    old.localCheckpoint()
                            .write()
                            .format("delta")
                            .mode("overwrite")
                            .option("overwriteSchema", "true");
            if (path.equals(layout.conformed("feedback_records"))) {
                writer =
                        writer.partitionBy(
                                YearPartitioning.of(CmsContract.FEEDBACK_RECORDS).column());
            }
            writer.save(path);
            assertThat(spark.read().format("delta").load(path).columns())
                    .doesNotContain("acknowledged_date");
        }

        new DropWriter(
                        landing,
                        "20230102T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-02T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        header,
                        List.of(
                                Cms.feedback(
                                        "record_id=R2",
                                        "case_ref=C2",
                                        "received_date=2022-12-22",
                                        "acknowledged_date=2023-01-01",
                                        "last_modified=2023-01-01T10:00:00Z"),
                                Cms.feedback(
                                        "record_id=R3",
                                        "case_ref=C3",
                                        "received_date=2022-12-22",
                                        "not_accepted_reason=OUT_OF_TIME",
                                        "last_modified=2023-01-01T10:00:00Z")))
                .write();
        stages.toConformed();

        List<String> conformed =
                spark
                        .read()
                        .format("delta")
                        .load(layout.conformed("feedback_records"))
                        .orderBy("record_id")
                        .selectExpr(
                                "concat_ws(' ', record_id, coalesce(cast(acknowledged_date AS STRING), '-'),"
                                        + " coalesce(not_accepted_reason, '-'))")
                        .collectAsList()
                        .stream()
                        .map(r -> r.getString(0))
                        .toList();
        assertThat(conformed).containsExactly("R1 - -", "R2 2023-01-01 -", "R3 - OUT_OF_TIME");
        assertThat(spark.read().format("delta").load(layout.raw("feedback_records")).columns())
                .contains("acknowledged_date", "not_accepted_reason", "remedy_before_lgo");
    }

    private static List<String> pick(List<String> values, int[] indexes) {
        List<String> out = new ArrayList<>();
        for (int i : indexes) {
            out.add(values.get(i));
        }
        return out;
    }
}
