package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.marts.MartCatalog;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.testing.ChildJvm;
import org.ccft.testing.ChildNightly;
import org.ccft.testing.Commands;
import org.ccft.testing.CrashPoints;
import org.ccft.testing.FailurePoints;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at every step boundary and inside Delta writes, then run again: the warehouse comes
 * out as an unbroken run's, with no row duplicated or lost. A kill is a real child JVM killed with
 * SIGKILL at the point: the next run finds the dead run (its lock free, its execution still marked
 * going), marks it failed and restarts it where it stopped. Killed as it starts, inside the
 * conformed MERGE's commit, inside a mart's commit and before publishing; at every other step
 * boundary the run fails in this JVM as the step starts, and is restarted there.
 */
@WholeJob
class CrashSafetyTest {

    /** Every point at which a run is stopped, in the order a run reaches them. */
    static final List<Map<String, String>> CRASH_POINTS =
            List.of(
                    before("findDrops"),
                    failBefore("verifyDrops"),
                    failBefore("landRaw"),
                    failBefore("validateRows"),
                    failBefore("checkDrops"),
                    failBefore("mergeConformed"),
                    insideCommit("/conformed/actions/"),
                    failBefore("loadReference"),
                    failBefore("loadSatMonths"),
                    failBefore("conformSatMonths"),
                    failBefore("loadDfeStatistics"),
                    failBefore("buildMarts"),
                    insideCommit("/marts/"),
                    failBefore("checkWarehouse"),
                    before("publish"));

    /**
     * One run, restarted after each stop: every attempt listed, the last completed; a JSON summary
     * of each attempt that lived to write one (the failed ones, the last), none of a killed one.
     */
    private static void history(Warehouse w, List<Long> failedHere) throws Exception {
        List<String> history = Commands.ccft("history", "--warehouse", w.root.toString()).lines();
        assertThat(history.get(0))
                .isEqualTo(
                        "run_id,execution_id,started,ended,status,drops_loaded,drops_refused,"
                                + "rows_accepted,rows_quarantined,marts_published,as_at_date,exit_code");
        assertThat(history).hasSize(1 + CRASH_POINTS.size() + 1);
        assertThat(history.subList(1, history.size() - 1))
                .allSatisfy(
                        l -> assertThat(l).startsWith("1,").contains(",FAILED,").endsWith(",1"));
        String[] last = history.get(history.size() - 1).split(",");
        assertThat(last[0]).isEqualTo("1");
        assertThat(List.of(last).subList(4, 12))
                .containsExactly(
                        "COMPLETED",
                        "2",
                        "0",
                        "6",
                        "0",
                        String.valueOf(MartCatalog.MARTS.size()),
                        "2023-01-08",
                        "0");
        JsonNode json = new ObjectMapper().readTree(w.root.resolve("ops/last-run.json").toFile());
        assertThat(json.get("execution_id").asText()).isEqualTo(last[1]);
        assertThat(json.get("drops_loaded"))
                .extracting(JsonNode::asText)
                .containsExactly(MergeOrderingTest.D1.exportId(), MergeOrderingTest.D2.exportId());
        assertThat(json.get("exit_code").asInt()).isZero();
        List<String> summaries = new ArrayList<>();
        failedHere.forEach(execution -> summaries.add("run-1-" + execution + ".json"));
        summaries.add("run-1-" + last[1] + ".json");
        assertThat(
                        Files.list(w.root.resolve("ops/runs"))
                                .map(f -> f.getFileName().toString())
                                .filter(f -> !f.startsWith(".")))
                .containsExactlyInAnyOrderElementsOf(summaries);
    }

    /** Killed as the step starts. */
    static Map<String, String> before(String step) {
        return Map.of("crash.before", step);
    }

    /** Failed in this JVM as the step starts. */
    static Map<String, String> failBefore(String step) {
        return Map.of(FailurePoints.FAIL_BEFORE, step);
    }

    static Map<String, String> insideCommit(String table) {
        return Map.of("crash.commit", table);
    }

    @Test
    void killedAtEveryStepAndInsideDeltaWritesTheWarehouseComesOutAsAnUnbrokenRuns(
            @TempDir Path tmp) throws Exception {
        Warehouse unbroken = new Warehouse(tmp.resolve("unbroken"));
        Warehouse crashed = new Warehouse(tmp.resolve("crashed"));
        for (Warehouse w : List.of(unbroken, crashed)) {
            MergeOrderingTest.D1.writeTo(w.landing);
            MergeOrderingTest.D2.writeTo(w.landing);
            RestartTest.sat(w, RestartTest.GOOD_SAT);
        }
        assertThat(unbroken.nightly().exitCode()).isEqualTo(ExitCode.OK);

        List<Long> failedHere = new ArrayList<>();
        for (Map<String, String> point : CRASH_POINTS) {
            if (point.containsKey(FailurePoints.FAIL_BEFORE)) {
                NightlyRunner.Outcome failed =
                        crashed.nightly(Map.copyOf(point), FailurePoints.class);
                failedHere.add(failed.execution().getId());
                assertThat(failed.exitCode()).as("%s", point).isEqualTo(ExitCode.FAILED);
                assertThat(String.join("\n", failed.summary()))
                        .contains(
                                "failure injected as step " + point.get(FailurePoints.FAIL_BEFORE));
                continue;
            }
            try (ChildJvm child =
                    ChildJvm.nightly(crashed.root, crashed.landing, tmp.resolve("logs"), point)) {
                assertThat(child.awaitLine(CrashPoints.MARKER, ChildNightly.EXIT))
                        .as("%s", point)
                        .startsWith(CrashPoints.MARKER);
                child.kill9();
            }
        }
        // The run that finishes the job is paused before it publishes: a second run meanwhile is
        // refused at once, and the first goes on undisturbed.
        try (ChildJvm last =
                ChildJvm.nightly(
                        crashed.root,
                        crashed.landing,
                        tmp.resolve("logs"),
                        Map.of("pause.before", "publish"))) {
            assertThat(last.awaitLine(CrashPoints.PAUSED, ChildNightly.EXIT))
                    .startsWith(CrashPoints.PAUSED);
            Commands.Result second =
                    Commands.ccft(
                            "nightly",
                            "--warehouse",
                            crashed.root.toString(),
                            "--landing",
                            crashed.landing.toString());
            assertThat(second.exitCode()).isEqualTo(ExitCode.RUN_IN_PROGRESS);
            assertThat(second.stdout()).isEmpty();
            // History shows the run going, with no exit code yet.
            assertThat(Commands.ccft("history", "--warehouse", crashed.root.toString()).lines())
                    .last()
                    .asString()
                    .startsWith("1,")
                    .contains(",STARTED,")
                    .endsWith(",");
            last.resume();
            assertThat(last.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(last.stderr())
                    .contains("cleared a stale lock left by a run that died")
                    .contains("was left STARTED by a process that died: marking it FAILED");
        }
        for (String mart : MartCatalog.MARTS) {
            assertThat(crashed.mart(mart)).as(mart).isEqualTo(unbroken.mart(mart));
        }
        for (FileContract file : CmsContract.CMS_FILES) {
            assertThat(crashed.contents(crashed.layout.raw(file.table())))
                    .as("raw " + file.table())
                    .isEqualTo(unbroken.contents(unbroken.layout.raw(file.table())));
            assertThat(crashed.contents(crashed.layout.conformed(file.table())))
                    .as("conformed " + file.table())
                    .isEqualTo(unbroken.contents(unbroken.layout.conformed(file.table())));
        }
        assertThat(crashed.contents(crashed.layout.conformed("ehcp_monthly")))
                .isEqualTo(unbroken.contents(unbroken.layout.conformed("ehcp_monthly")));
        history(crashed, failedHere);

        // The next night has nothing new (the SAT's file restates the same months): every mart
        // stays at the version published, and every conformed table at its version.
        JsonNode before =
                OperationsTest.martVersions(
                        Files.readString(crashed.root.resolve("published/current.json")));
        List<String> conformed = List.of("feedback_records", "actions", "contacts", "ehcp_monthly");
        List<Long> conformedVersions =
                conformed.stream()
                        .map(
                                t ->
                                        DeltaTables.latestVersion(
                                                TestSpark.session(), crashed.layout.conformed(t)))
                        .toList();
        assertThat(crashed.nightly().exitCode()).isEqualTo(ExitCode.OK);
        JsonNode after =
                OperationsTest.martVersions(
                        Files.readString(crashed.root.resolve("published/current.json")));
        for (String mart : MartCatalog.MARTS) {
            assertThat(after.get(mart)).as(mart).isEqualTo(before.get(mart));
        }
        assertThat(
                        conformed.stream()
                                .map(
                                        t ->
                                                DeltaTables.latestVersion(
                                                        TestSpark.session(),
                                                        crashed.layout.conformed(t)))
                                .toList())
                .as("conformed versions")
                .isEqualTo(conformedVersions);
        assertThat(crashed.contents(crashed.layout.loadLedger(), "recorded_at"))
                .isEqualTo(unbroken.contents(unbroken.layout.loadLedger(), "recorded_at"));
        if (Files.exists(Path.of(unbroken.layout.quarantine()))) {
            assertThat(crashed.contents(crashed.layout.quarantine()))
                    .isEqualTo(unbroken.contents(unbroken.layout.quarantine()));
        }
    }
}
