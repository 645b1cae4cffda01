package org.ccft.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table replaced whole (a mart, a staging table) is replaced by one commit that removes the files
 * its last whole replacement wrote, named in that commit: Delta's readers, time travel and the
 * files of a version agree with it, and it runs the one Spark job that writes the rows instead of
 * working out the table's state first. Anything else (a new table, new columns) goes through
 * Delta's own writer.
 */
class WholeOverwriteTest {

    private final SparkSession spark = TestSpark.session();

    private Dataset<Row> rows(int n, String label) {
        return spark.range(n).selectExpr("id", "'" + label + "' AS label");
    }

    private List<String> read(String path, Long version) {
        Dataset<Row> table =
                version == null
                        ? DeltaTables.read(spark, path)
                        : DeltaTables.readVersion(spark, path, version);
        return table
                .selectExpr("concat(id, ':', label)")
                .as(Encoders.STRING())
                .collectAsList()
                .stream()
                .sorted()
                .toList();
    }

    private static int lastJob(SparkSession spark) throws Exception {
        spark.sparkContext().listenerBus().waitUntilEmpty();
        return Arrays.stream(spark.sparkContext().statusTracker().getJobIdsForGroup(null))
                .max()
                .orElse(-1);
    }

    @Test
    void aTableReplacedWholeIsReplacedByOneCommitNamingTheFilesItRemoves(@TempDir Path tmp)
            throws Exception {
        String path = tmp.resolve("mart").toString();
        assertThat(DeltaTables.overwriteWhole(rows(3, "first"), path, "night 1")).isZero();
        int before = lastJob(spark);
        long second = DeltaTables.overwriteWhole(rows(2, "second"), path, "night 2");
        int jobs = lastJob(spark) - before;

        assertThat(second).isEqualTo(1);
        assertThat(jobs).as("Spark jobs the replacement ran").isEqualTo(1);
        assertThat(read(path, null)).containsExactly("0:second", "1:second");
        assertThat(read(path, 0L)).containsExactly("0:first", "1:first", "2:first");
        Row last =
                DeltaTable.forPath(spark, path)
                        .history(1)
                        .selectExpr("operation", "operationParameters['mode']", "userMetadata")
                        .head();
        assertThat(List.of(last.getString(0), last.getString(1), last.getString(2)))
                .containsExactly("WRITE", "Overwrite", "night 2");
        // The version's files alone are its rows: what the releases copy.
        assertThat(DeltaTables.filesAt(spark, path, second))
                .allSatisfy(f -> assertThat(f).doesNotContain("first"))
                .isNotEmpty()
                .hasSameSizeAs(DeltaTables.readVersion(spark, path, second).inputFiles());
        assertThat(
                        spark.read()
                                .parquet(
                                        DeltaTables.filesAt(spark, path, second)
                                                .toArray(String[]::new))
                                .count())
                .isEqualTo(2);
    }

    @Test
    void newColumnsOrNoTableYetGoThroughDeltasWriter(@TempDir Path tmp) throws Exception {
        String path = tmp.resolve("mart").toString();
        DeltaTables.overwriteWhole(rows(2, "first"), path, null);
        DeltaTables.overwriteWhole(
                rows(1, "wider").selectExpr("*", "true AS flag"), path, "new column");
        assertThat(DeltaTables.read(spark, path).columns()).containsExactly("id", "label", "flag");
        assertThat(read(path, null)).containsExactly("0:wider");

        // No rows at all: a version with no file, read as empty.
        long empty =
                DeltaTables.overwriteWhole(
                        rows(0, "none").selectExpr("*", "true AS flag"), path, "empty");
        assertThat(DeltaTables.read(spark, path).count()).isZero();
        assertThat(DeltaTables.filesAt(spark, path, empty)).isEmpty();
        assertThat(Files.exists(tmp.resolve("mart/_delta_log"))).isTrue();
    }
}
