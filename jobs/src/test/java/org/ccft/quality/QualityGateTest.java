package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.cli.Ccft;
import org.ccft.demo.DropWriter;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.landing.LedgerEntry;
import org.ccft.landing.LoadLedger;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.published.Publication;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.BadInputCase;
import org.ccft.testing.Cms;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Critical failures stop the run before publishing and leave yesterday's marts published: a file
 * without a required column (the corpus's critical cases) and a drop far smaller than usual. The
 * policy is configuration: the same drops pass at another severity. {@code ccft dq} reports it all.
 */
@WholeJob
class QualityGateTest {

    /** Judge volumes after one earlier run, so that the test needs few nights. */
    static final Map<String, Object> SHORT_HISTORY = Map.of("ccft.quality.anomaly.min-history", 1);

    static void drop(Warehouse w, String exportId, int complaints) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            rows.add(
                    Cms.feedback(
                            "record_id=" + exportId + "-" + i,
                            "case_ref=C" + exportId + "-" + i,
                            "received_date=2023-04-03"));
        }
        new DropWriter(
                        w.landing,
                        exportId,
                        "INCREMENTAL",
                        Instant.parse(
                                exportId.substring(0, 4)
                                        + "-"
                                        + exportId.substring(4, 6)
                                        + "-"
                                        + exportId.substring(6, 8)
                                        + "T02:00:00Z"))
                .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), rows)
                .write();
    }

    @Test
    void criticalChecksStopTheRunAndYesterdaysMartsStayPublished(@TempDir Path tmp)
            throws Exception {
        Warehouse w = new Warehouse(tmp);
        SparkSession spark = TestSpark.session();
        Publication publication =
                new Publication(w.layout, spark.sparkContext().hadoopConfiguration());

        drop(w, "20230420T020000Z", 10);
        assertThat(w.nightly(SHORT_HISTORY).exitCode()).isEqualTo(ExitCode.OK);
        Publication.Published yesterday = publication.current().orElseThrow();

        // Night 2: the corpus's critical cases, beside a sound drop.
        List<BadInputCase> critical =
                BadInputCase.all().stream()
                        .filter(c -> "critical".equals(c.expect().outcome()))
                        .toList();
        assertThat(critical).hasSizeGreaterThanOrEqualTo(3);
        for (BadInputCase c : critical) {
            c.writeTo(w.landing);
        }
        drop(w, "20230427T020000Z", 10);
        NightlyRunner.Outcome stopped = w.nightly(SHORT_HISTORY);
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.QUALITY_FAILED);
        assertThat(String.join("\n", stopped.summary()))
                .contains("critical data-quality check failed");
        List<CheckOutcome> outcomes =
                new QualityResults(spark, w.layout)
                        .outcomes(stopped.execution().getJobInstance().getInstanceId());
        for (BadInputCase c : critical) {
            assertThat(outcomes)
                    .as(c.toString())
                    .anySatisfy(
                            o -> {
                                assertThat(o.status()).isEqualTo(CheckOutcome.Status.FAILED);
                                assertThat(o.check()).isEqualTo(c.expect().rule());
                                assertThat(o.file()).isEqualTo(c.label(c.expect().file()));
                                assertThat(o.line()).isEqualTo(c.expect().line().longValue());
                            });
        }
        assertThat(publication.current().orElseThrow())
                .as("yesterday's marts stay published")
                .isEqualTo(yesterday);
        assertThat(new LoadLedger(spark, w.layout).entries())
                .extracting(LedgerEntry::exportId)
                .containsExactly("20230420T020000Z");
        assertThat(
                        DeltaTables.read(spark, w.layout.raw("feedback_records"))
                                .where("export_id = '20230427T020000Z'")
                                .count())
                .as("stopped before landing")
                .isZero();

        // Night 3: the operator lets the run refuse those drops instead; a fresh run, not a
        // restart.
        NightlyRunner.Outcome refused =
                w.nightly(
                        Map.of(
                                "ccft.quality.anomaly.min-history",
                                1,
                                "ccft.quality.severity[missing_column]",
                                "error"));
        assertThat(refused.restarted()).isFalse();
        assertThat(refused.exitCode()).isEqualTo(ExitCode.DROPS_REFUSED);
        assertThat(refused.plan().refused())
                .containsOnlyKeys(critical.stream().map(BadInputCase::exportId).toList());
        assertThat(w.count("SELECT sum(value) FROM at_a_glance WHERE measure = 'corporate_stage1'"))
                .isEqualTo(20);

        // Night 4: a drop far smaller than usual (1 row against 10) stops the run before the merge.
        drop(w, "20230504T020000Z", 1);
        Publication.Published beforeSmallDrop = publication.current().orElseThrow();
        NightlyRunner.Outcome small = w.nightly(SHORT_HISTORY);
        assertThat(small.exitCode()).isEqualTo(ExitCode.QUALITY_FAILED);
        CheckOutcome volume =
                new QualityResults(spark, w.layout)
                        .outcomes(small.execution().getJobInstance().getInstanceId()).stream()
                                .filter(o -> o.check().equals("drop_volume"))
                                .findFirst()
                                .orElseThrow();
        assertThat(volume.status()).isEqualTo(CheckOutcome.Status.FAILED);
        assertThat(volume.figures())
                .startsWith("tonight 1; usual 10 (median of the last 2 runs); allowed 2 to 50");
        assertThat(publication.current().orElseThrow()).isEqualTo(beforeSmallDrop);
        assertThat(
                        DeltaTables.read(spark, w.layout.conformed("feedback_records"))
                                .where("export_id = '20230504T020000Z'")
                                .count())
                .as("nothing merged")
                .isZero();

        // Night 5: the operator accepts it for one run, from the command line.
        int code =
                Ccft.commandLine()
                        .execute(
                                "nightly",
                                "--warehouse",
                                w.root.toString(),
                                "--landing",
                                w.landing.toString(),
                                "--severity",
                                "drop_volume=warning");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(w.count("SELECT sum(value) FROM at_a_glance WHERE measure = 'corporate_stage1'"))
                .isEqualTo(21);

        // ccft dq: the latest run warned about the volume, with the numbers; JSON for monitoring.
        String text = dq(w, "--format", "text");
        assertThat(text).contains("WARNED", "drop_volume", "tonight 1; usual 10");
        JsonNode json = new ObjectMapper().readTree(dq(w, "--format", "json"));
        assertThat(json.at("/run/verdict").asText()).isEqualTo("WARNED");
        assertThat(json.at("/run/export_ids/0").asText()).isEqualTo("20230504T020000Z");
        assertThat(json.at("/checks"))
                .anySatisfy(
                        c -> {
                            assertThat(c.get("check").asText()).isEqualTo("drop_volume");
                            assertThat(c.get("status").asText()).isEqualTo("WARNED");
                            assertThat(c.get("metric").asDouble()).isEqualTo(1.0);
                        });
        // The stopped night's report, as Markdown and HTML files.
        Path md = tmp.resolve("dq.md");
        Path html = tmp.resolve("dq.html");
        long stoppedRun = stopped.execution().getJobInstance().getInstanceId();
        dq(
                w,
                "--run",
                String.valueOf(stoppedRun),
                "--format",
                "markdown",
                "--output",
                md.toString());
        dq(w, "--run", String.valueOf(stoppedRun), "--format", "html", "--output", html.toString());
        assertThat(Files.readString(md))
                .startsWith("# Data quality of run " + stoppedRun)
                .contains(
                        "| FAILED | critical | files | raw | `missing_column` | feedback_records | cms/20230501T020300Z/"
                                + "feedback_records.csv line 1: header lacks");
        assertThat(Files.readString(html)).contains("<tr class=\"FAILED\">", "missing_column");
    }

    static String dq(Warehouse w, String... args) {
        List<String> all = new ArrayList<>(List.of("dq", "--warehouse", w.root.toString()));
        all.addAll(List.of(args));
        Commands.Result dq = Commands.ccft(all.toArray(String[]::new));
        assertThat(dq.exitCode()).isEqualTo(ExitCode.OK);
        return dq.stdout();
    }
}
