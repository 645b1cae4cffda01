package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.marts.MartCatalog;
import org.ccft.published.Publication;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A run that fails in a middle step leaves the previous marts published; run again, Spring Batch
 * restarts it where it stopped, and the marts come out as an unbroken run's.
 */
@WholeJob
class RestartTest {

    static final String GOOD_SAT =
            """
            month,requests_received,assessments_agreed,plans_issued,plans_issued_within_20_weeks,plans_maintained
            2022-04,20,15,10,4,100
            2022-05,20,15,12,5,101
            """;

    /** Every row breaks the contract: more than the skip limit, so the chunk step fails. */
    static final String BROKEN_SAT =
            """
            month,requests_received,assessments_agreed,plans_issued,plans_issued_within_20_weeks,plans_maintained
            April,20,15,10,4,100
            May,20,15,12,5,101
            June,20,15,12,5,101
            """;

    static final Map<String, Object> SKIP_LIMIT = Map.of("ccft.sat.skip-limit", 2);

    @Test
    void aFailedRunIsRestartedToTheSameMartsAsAnUnbrokenRun(@TempDir Path tmp) throws Exception {
        Warehouse broken = new Warehouse(tmp.resolve("broken"));
        MergeOrderingTest.D1.writeTo(broken.landing);
        sat(broken, GOOD_SAT);
        assertThat(broken.nightly(SKIP_LIMIT).exitCode()).isEqualTo(ExitCode.OK);
        // The warehouse that will not break has had the same first night: a copy of this one.
        copy(tmp.resolve("broken"), tmp.resolve("unbroken"));
        Warehouse unbroken = new Warehouse(tmp.resolve("unbroken"));
        for (Warehouse w : List.of(unbroken, broken)) {
            MergeOrderingTest.D2.writeTo(w.landing);
        }
        sat(unbroken, GOOD_SAT);
        assertThat(unbroken.nightly(SKIP_LIMIT).exitCode()).isEqualTo(ExitCode.OK);

        var publication =
                new Publication(
                        broken.layout, TestSpark.session().sparkContext().hadoopConfiguration());
        List<String> before = broken.mart("at_a_glance");
        sat(broken, BROKEN_SAT);
        NightlyRunner.Outcome failed = broken.nightly(SKIP_LIMIT);
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.execution().getStepExecutions())
                .filteredOn(s -> s.getStatus() == BatchStatus.FAILED)
                .extracting(s -> s.getStepName())
                .containsExactly("loadSatMonths");
        // Nothing new is published: readers still see the first night.
        assertThat(publication.current().orElseThrow().runId()).isEqualTo(1L);
        assertThat(broken.mart("at_a_glance")).isEqualTo(before);

        sat(broken, GOOD_SAT);
        NightlyRunner.Outcome restarted = broken.nightly(SKIP_LIMIT);
        assertThat(restarted.restarted()).isTrue();
        assertThat(restarted.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(restarted.execution().getJobInstance().getInstanceId())
                .isEqualTo(failed.execution().getJobInstance().getInstanceId());
        // The steps that had completed were not run again.
        assertThat(restarted.execution().getStepExecutions())
                .extracting(s -> s.getStepName())
                .doesNotContain("findDrops", "landRaw", "mergeConformed")
                .contains("loadSatMonths", "buildMarts", "publish");
        assertThat(publication.current().orElseThrow().runId()).isEqualTo(2L);
        for (String mart : MartCatalog.MARTS) {
            assertThat(broken.mart(mart)).as(mart).isEqualTo(unbroken.mart(mart));
        }
        for (String table : List.of("feedback_records", "actions", "contacts", "ehcp_monthly")) {
            assertThat(broken.contents(broken.layout.conformed(table)))
                    .as(table)
                    .isEqualTo(unbroken.contents(unbroken.layout.conformed(table)));
        }
        assertThat(broken.count("SELECT plans_issued FROM sat_complaints_vs_ehcp")).isEqualTo(22);
    }

    /** A folder and everything in it, copied to a new folder. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    static void sat(Warehouse w, String content) throws Exception {
        Files.createDirectories(w.landing.resolve("sat"));
        Files.writeString(w.landing.resolve("sat/ehcp_monthly.csv"), content);
    }
}
