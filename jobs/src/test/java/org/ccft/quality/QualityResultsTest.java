package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality record is appended to, and a run's step reads as its newest recording: a restarted
 * step's outcomes replace those it recorded before, even when it now has none, and other steps and
 * runs are untouched.
 */
class QualityResultsTest {

    private static CheckOutcome outcome(String step, String check, CheckOutcome.Status status) {
        return new CheckOutcome(
                step,
                "conformed",
                check,
                "feedback_records",
                Severity.ERROR,
                status,
                1.0,
                0,
                "figures",
                List.of(),
                null,
                null);
    }

    @Test
    void aStepRecordedAgainReadsAsItsNewestRecording(@TempDir Path tmp) {
        QualityResults results =
                new QualityResults(TestSpark.session(), new WarehouseLayout(tmp.toString()));
        results.record(1, "drops", List.of(outcome("drops", "a", CheckOutcome.Status.PASSED)));
        results.record(
                1, "warehouse", List.of(outcome("warehouse", "b", CheckOutcome.Status.FAILED)));
        results.record(
                2, "warehouse", List.of(outcome("warehouse", "c", CheckOutcome.Status.PASSED)));
        // Run 1's warehouse step again (a restart): it now finds something else.
        results.record(
                1,
                "warehouse",
                List.of(
                        outcome("warehouse", "b", CheckOutcome.Status.PASSED),
                        outcome("warehouse", "d", CheckOutcome.Status.WARNED)));
        assertThat(results.outcomes(1))
                .extracting(o -> o.step() + ":" + o.check() + ":" + o.status())
                .containsExactly("drops:a:PASSED", "warehouse:b:PASSED", "warehouse:d:WARNED");
        // And again, with nothing to report: nothing is what it found.
        results.record(1, "warehouse", List.of());
        assertThat(results.outcomes(1))
                .extracting(o -> o.step() + ":" + o.check())
                .containsExactly("drops:a");
        assertThat(results.outcomes(2)).extracting(CheckOutcome::check).containsExactly("c");

        assertThat(results.copy(2, 3, "warehouse")).isEqualTo(1);
        assertThat(results.outcomes(3)).extracting(CheckOutcome::check).containsExactly("c");

        results.recordRun(1, List.of("20230101T020000Z"), null);
        results.recordRun(1, List.of("20230101T020000Z"), "2023-01-01");
        results.recordRun(2, List.of(), "2023-01-08");
        assertThat(results.run(1).orElseThrow().asAt()).isEqualTo("2023-01-01");
        assertThat(results.latestRun().orElseThrow().runId()).isEqualTo(2);
    }
}
