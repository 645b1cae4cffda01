package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * A step's progress line counts the rows its Spark tasks read and wrote while it ran, and the Spark
 * jobs it ran, and only then, and only its command's.
 */
class StepProgressTest {

    @Test
    void countsTheRowsTheStepsSparkTasksReadAndWrote(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session();
        StepProgress progress = new StepProgress(Duration.ofHours(1));
        progress.attach(spark);
        try {
            spark.range(50)
                    .write()
                    .parquet(tmp.resolve("before").toString()); // before the step: not counted
            spark.sparkContext().listenerBus().waitUntilEmpty();
            int lastJobBefore = lastJob(spark);
            StepExecution step = new StepExecution("landRaw", new JobExecution(1L));
            progress.beforeStep(step);
            spark.range(1234).repartition(3).write().parquet(tmp.resolve("written").toString());
            spark.read().parquet(tmp.resolve("written").toString()).where("id % 2 = 0").count();
            // Another command in this JVM meanwhile, in a thread of its own: not this step's.
            int lastJobOfTheStep = lastJob(spark);
            Thread other =
                    new Thread(
                            () -> {
                                StepProgress theirs = new StepProgress(Duration.ofHours(1));
                                theirs.attach(spark);
                                spark.range(99).write().parquet(tmp.resolve("other").toString());
                                theirs.destroy();
                            });
            other.start();
            other.join();
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertThat(lastJob(spark)).as("the other command ran").isGreaterThan(lastJobOfTheStep);
            // Read: the 1,234 the range made (Spark counts a range's rows as read) and the 1,234
            // read back.
            assertThat(progress.line())
                    .startsWith("step landRaw: 2,468 rows read, 1,234 rows written (")
                    // The jobs Spark itself numbered while the step ran.
                    .contains("rows/s) in " + (lastJobOfTheStep - lastJobBefore) + " Spark jobs (")
                    .contains(" s elapsed");
            progress.afterStep(step);
        } finally {
            progress.destroy();
        }
    }

    /** The newest job id Spark's status store holds (ids are numbered in order). */
    private static int lastJob(SparkSession spark) {
        return Arrays.stream(spark.sparkContext().statusTracker().getJobIdsForGroup(null))
                .max()
                .orElse(-1);
    }
}
