package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.ccft.cli.WarehouseContext;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.published.Publication;
import org.ccft.testing.FailurePoints;
import org.ccft.testing.PostgresServer;
import org.ccft.testing.S3Server;
import org.ccft.testing.TestSpark;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse and the landing area in an object store (a real S3-compatible server on this
 * machine, reached through Hadoop's S3A connector), the job repository and the run lock in
 * PostgreSQL, as the README's "Running on a cluster" sets them: the nightly job loads there, fails
 * before publishing and is restarted there, publishes there, and then finds nothing new there.
 */
@WholeJob
class ObjectStoreTest {

    static final String BUCKET = "council-lake";

    @Test
    void theNightlyJobLoadsRestartsAndPublishesInAnObjectStore(@TempDir Path tmp) throws Exception {
        try (PostgresServer pg = PostgresServer.start();
                S3Server s3 = S3Server.start(tmp.resolve("s3"), BUCKET)) {
            SparkSession spark = TestSpark.session();
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            s3.configure(hadoop);
            String lake = "s3a://" + BUCKET + "/ccft";
            String landing = "s3a://" + BUCKET + "/landing";

            // The CMS's drops and the SAT's file, put in the bucket as the suppliers would.
            Path local = tmp.resolve("landing");
            MergeOrderingTest.D1.writeTo(local);
            MergeOrderingTest.D2.writeTo(local);
            Files.createDirectories(local.resolve("sat"));
            Files.writeString(local.resolve("sat/ehcp_monthly.csv"), RestartTest.GOOD_SAT);
            org.apache.hadoop.fs.Path landingPath = new org.apache.hadoop.fs.Path(landing);
            FileSystem fs = landingPath.getFileSystem(hadoop);
            fs.copyFromLocalFile(
                    false, true, new org.apache.hadoop.fs.Path(local.toUri()), landingPath);
            assertThat(
                            fs.exists(
                                    new org.apache.hadoop.fs.Path(
                                            landing + "/cms/20230108T020000Z/manifest.json")))
                    .isTrue();

            Map<String, Object> settings = new HashMap<>();
            settings.put("ccft.spark.shuffle-partitions", TestSpark.SHUFFLE_PARTITIONS);
            settings.put("ccft.job-repository.url", pg.url());
            settings.put("ccft.job-repository.username", "ccft");
            Publication publication = new Publication(new WarehouseLayout(lake), hadoop);

            // Night 1 fails as it is about to publish: everything before it is in the bucket,
            // nothing is published.
            Map<String, Object> failing = new HashMap<>(settings);
            failing.put(FailurePoints.FAIL_BEFORE, "publish");
            NightlyRunner.Outcome failed = run(lake, landing, failing, FailurePoints.class);
            assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(
                            fs.exists(
                                    new org.apache.hadoop.fs.Path(
                                            lake + "/conformed/feedback_records/_delta_log")))
                    .isTrue();
            assertThat(
                            fs.exists(
                                    new org.apache.hadoop.fs.Path(
                                            lake + "/marts/at_a_glance/_delta_log")))
                    .isTrue();
            assertThat(publication.current()).isEmpty();

            // Run again: restarted where it stopped, from the job repository in PostgreSQL.
            NightlyRunner.Outcome restarted = run(lake, landing, settings);
            assertThat(restarted.restarted()).isTrue();
            assertThat(restarted.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(restarted.execution().getStepExecutions())
                    .extracting(s -> s.getStepName())
                    .containsExactly("publish");
            assertThat(
                            fs.getFileStatus(
                                            new org.apache.hadoop.fs.Path(
                                                    lake + "/published/current.json"))
                                    .isFile())
                    .isTrue();
            assertThat(publication.current().orElseThrow().asAtDate()).isEqualTo("2023-01-08");

            // The figures, worked out from D1 and D2: four corporate stage 1 complaints received
            // in 2022-23, R2 deleted by D2, R1 answered and upheld.
            publication.registerViews(spark);
            assertThat(
                            spark.sql(
                                            "SELECT value FROM at_a_glance WHERE financial_year = '2022-23' "
                                                    + "AND measure = 'corporate_stage1'")
                                    .first()
                                    .getLong(0))
                    .isEqualTo(3);
            assertThat(
                            spark.sql(
                                            "SELECT received, concluded, upheld_share FROM complaints_summary "
                                                    + "WHERE financial_year = '2022-23'")
                                    .first()
                                    .toString())
                    .isEqualTo("[3,1,1.0]");
            assertThat(
                            spark.sql("SELECT sum(plans_issued) FROM sat_complaints_vs_ehcp")
                                    .first()
                                    .getLong(0))
                    .isEqualTo(22);

            // The next night finds nothing new in the bucket's landing area.
            NightlyRunner.Outcome nothingNew = run(lake, landing, settings);
            assertThat(nothingNew.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(String.join("\n", nothingNew.summary())).contains("nothing new since run 1");
            assertThat(publication.current().orElseThrow().runId()).isEqualTo(1L);

            fs.close();
        }
    }

    private static NightlyRunner.Outcome run(
            String warehouse, String landing, Map<String, Object> settings, Class<?>... more)
            throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, settings, more)) {
            return ctx.getBean(NightlyRunner.class).run(landing);
        }
    }
}
