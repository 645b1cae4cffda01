package org.ccft.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table kept by MERGE costs what changed: one changed row among a thousand writes that row, marks
 * the version it replaces in a deletion vector, and copies nothing else; a table made before
 * deletion vectors were used gets them once, and behaves the same.
 */
class MergeWritesTest {

    private final SparkSession spark = TestSpark.session();

    private Dataset<Row> rows(long from, long to, String version) {
        return spark.range(from, to)
                .selectExpr(
                        "CAST(id AS STRING) AS k", "'" + version + "' AS v", "'2022-23' AS year")
                .repartition(1);
    }

    private Map<String, String> mergeOneChangedRow(String path) {
        DeltaTable.forPath(spark, path)
                .as("t")
                .merge(rows(500, 501, "changed").as("s"), "t.k = s.k")
                .whenMatched()
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute();
        return DeltaTable.forPath(spark, path)
                .history(1)
                .select("operationMetrics")
                .head()
                .getJavaMap(0);
    }

    @Test
    void aTableMadeForMergeRewritesOnlyTheChangedRow(@TempDir Path tmp) {
        String path = tmp.resolve("t").toString();
        DeltaTables.createForMerge(rows(0, 1000, "first"), path, "year");

        Map<String, String> metrics = mergeOneChangedRow(path);

        assertThat(metrics)
                .containsEntry("numTargetRowsUpdated", "1")
                .containsEntry("numTargetRowsCopied", "0")
                .containsEntry("numTargetDeletionVectorsAdded", "1")
                .containsEntry("numTargetFilesRemoved", "0");
        assertThat(DeltaTables.read(spark, path).where("v = 'changed'").count()).isEqualTo(1);
        assertThat(DeltaTables.read(spark, path).count()).isEqualTo(1000);
    }

    @Test
    void aTableMadeBeforeGetsDeletionVectorsOnce(@TempDir Path tmp) {
        String path = tmp.resolve("t").toString();
        DeltaTables.overwrite(rows(0, 1000, "first"), path);
        assertThat(mergeOneChangedRow(path)).containsEntry("numTargetRowsCopied", "999");

        DeltaTables.enableDeletionVectors(spark, path);
        long enabled = DeltaTables.latestVersion(spark, path);
        DeltaTables.enableDeletionVectors(spark, path);
        assertThat(DeltaTables.latestVersion(spark, path))
                .as("enabled once, not again")
                .isEqualTo(enabled);

        assertThat(mergeOneChangedRow(path))
                .containsEntry("numTargetRowsCopied", "0")
                .containsEntry("numTargetDeletionVectorsAdded", "1");
    }
}
