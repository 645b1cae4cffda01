package org.ccft.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccft.demo.DropWriter;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.CapturedLogs;
import org.ccft.testing.Cms;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case whose every personal column holds a unique marker is loaded over three nights (an
 * incremental, a change with a second stage, an action and a quarantined row, then a FULL export),
 * erased, and then no file under the warehouse holds the marker's bytes; the other case is
 * untouched, and the erasure record names the request, not the person.
 */
@WholeJob
class ErasureTest {

    static final String MARKER = "ZQX7ERASEME";

    private static List<String> erased(
            String recordId, String stage, String lastModified, String... more) {
        List<String> overrides =
                new ArrayList<>(
                        List.of(
                                "record_id=" + recordId,
                                "case_ref=CASE-ERASE",
                                "stage=" + stage,
                                "last_modified=" + lastModified,
                                "complainant_name=" + MARKER + " name",
                                "complainant_email=" + MARKER + "@example.org",
                                "child_name=" + MARKER + " child",
                                "summary=" + MARKER + " summary of " + recordId,
                                "team=" + MARKER + " team"));
        overrides.addAll(List.of(more));
        return Cms.feedback(overrides.toArray(String[]::new));
    }

    private static List<String> kept(String lastModified) {
        return Cms.feedback("record_id=K1", "case_ref=CASE-KEEP", "last_modified=" + lastModified);
    }

    @Test
    void anErasedCaseLeavesNoByteOfItselfUnderTheWarehouse(@TempDir Path tmp) throws Exception {
        Warehouse w = new Warehouse(tmp);
        StringBuilder printed = new StringBuilder();
        new DropWriter(
                        w.landing,
                        "20230101T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-01T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                erased("ERASE-R1", "1", "2022-06-01T09:00:00Z"),
                                kept("2022-06-01T09:00:00Z")))
                .write();
        assertThat(night(w, tmp, printed)).isEqualTo(ExitCode.OK);
        new DropWriter(
                        w.landing,
                        "20230102T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-02T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                erased("ERASE-R1", "1", "2022-07-01T09:00:00Z", "status=CLOSED"),
                                erased(
                                        "ERASE-R2",
                                        "2",
                                        "2022-07-01T09:00:00Z",
                                        "received_date=2022-07-01"),
                                erased(
                                        "ERASE-R3",
                                        "1",
                                        "2022-07-01T09:00:00Z",
                                        "service_area=NOT_A_SERVICE")))
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action(
                                        "action_id=A1",
                                        "record_id=ERASE-R1",
                                        "description=" + MARKER + " apology to the family",
                                        "owner_team=" + MARKER + " owner")))
                .write();
        assertThat(night(w, tmp, printed)).isEqualTo(ExitCode.OK);
        new DropWriter(w.landing, "20230103T020000Z", "FULL", Instant.parse("2023-01-03T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                erased("ERASE-R1", "1", "2022-07-01T09:00:00Z", "status=CLOSED"),
                                erased(
                                        "ERASE-R2",
                                        "2",
                                        "2022-07-01T09:00:00Z",
                                        "received_date=2022-07-01"),
                                kept("2022-06-01T09:00:00Z")))
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action(
                                        "action_id=A1",
                                        "record_id=ERASE-R1",
                                        "description=" + MARKER + " apology to the family",
                                        "owner_team=" + MARKER + " owner")))
                .write();
        assertThat(night(w, tmp, printed)).isEqualTo(ExitCode.OK);
        long stage1 =
                w.sql("SELECT value FROM at_a_glance WHERE measure = 'corporate_stage1'")
                        .get(0)
                        .getLong(0);
        assertThat(stage1).isEqualTo(2); // E1 and K1 (E3 is quarantined)
        // The scan can see the marker: raw holds it, as it should before the erasure, and nothing
        // else does: not staging, quarantine, conformed, the marts, the published files, the
        // quality records, the logs and summaries the nights printed (at INFO), nor a site, report
        // or query answer or their logs.
        assertThat(filesHolding(w.root))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(w.root.relativize(f).toString()).startsWith("raw/"));
        assertThat(printed.toString())
                .contains("INFO")
                .contains("conformed feedback_records: merged")
                .doesNotContain(MARKER);
        // Free-text team names off the reference list reach conformed as UNLISTED; listed ones as
        // they are.
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.conformed("feedback_records"))
                                .where("case_ref = 'CASE-ERASE'")
                                .select("team")
                                .distinct()
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("UNLISTED");
        String root = w.root.toString();
        CapturedLogs commandLogs = new CapturedLogs();
        for (String audience : List.of("internal", "team", "public")) {
            Path site = tmp.resolve("site-" + audience);
            assertThat(
                            Commands.ccft(
                                            "site",
                                            "--warehouse",
                                            root,
                                            "--audience",
                                            audience,
                                            "--out",
                                            site.toString())
                                    .exitCode())
                    .isEqualTo(ExitCode.OK);
            assertThat(filesHolding(site)).as(audience + " site").isEmpty();
        }
        Path report = tmp.resolve("report");
        assertThat(
                        Commands.ccft(
                                        "report",
                                        "--warehouse",
                                        root,
                                        "--year",
                                        "2022-23",
                                        "--out",
                                        report.toString())
                                .exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(filesHolding(report)).isEmpty();
        Commands.Result worklist =
                Commands.ccft(
                        "sql",
                        "--warehouse",
                        root,
                        "--audience",
                        "team",
                        "SELECT * FROM complaint_worklist");
        assertThat(worklist.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(worklist.lines()).hasSizeGreaterThan(1);
        assertThat(worklist.stdout()).doesNotContain(MARKER);
        commandLogs.close();
        assertThat(commandLogs.text())
                .as("what site, report and sql logged")
                .doesNotContain(MARKER);

        Commands.Result result =
                Commands.ccft(
                        "erase",
                        "--warehouse",
                        w.root.toString(),
                        "--case-ref",
                        "CASE-ERASE",
                        "--request",
                        "DPO-2026-017");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        // raw: E1 on night 1; E1, E2 and E3 on night 2; E1 and E2 in the FULL export. Actions: A1
        // twice.
        assertThat(result.lines())
                .contains(
                        "rows removed from raw/feedback_records: 6",
                        "rows removed from raw/actions: 2",
                        "rows removed from conformed/feedback_records: 2",
                        "rows removed from conformed/actions: 1",
                        "rows removed from quarantine/rows: 1");
        assertThat(result.stdout()).doesNotContain("CASE-ERASE").doesNotContain(MARKER);
        // Nothing names the case any more: not a row, not a commit's predicate in a Delta log, not
        // the erasure record or the register in ops/.
        assertThat(filesHolding(w.root, MARKER, "CASE-ERASE", "ERASE-R")).isEmpty();
        assertThat(
                        w.sql("SELECT value FROM at_a_glance WHERE measure = 'corporate_stage1'")
                                .get(0)
                                .getLong(0))
                .isEqualTo(1); // K1
        Path records = w.root.resolve("ops/erasures");
        try (Stream<Path> files = Files.list(records)) {
            String record =
                    Files.readString(
                            files.filter(f -> f.getFileName().toString().matches("[^.].*\\.json"))
                                    .findFirst()
                                    .orElseThrow());
            assertThat(record)
                    .contains("\"request\" : \"DPO-2026-017\"")
                    .doesNotContain("CASE-ERASE")
                    .doesNotContain("ERASE-R");
        }

        // The CMS sends the case again (an export re-sent after an outage), with a stage it had
        // not sent before and that stage's action: every row of it is refused before raw, and
        // counted.
        new DropWriter(
                        w.landing,
                        "20230104T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-04T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                erased("ERASE-R1", "1", "2022-08-01T09:00:00Z"),
                                erased(
                                        "ERASE-R4",
                                        "2",
                                        "2022-08-01T09:00:00Z",
                                        "received_date=2022-08-01"),
                                kept("2022-08-01T09:00:00Z")))
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action(
                                        "action_id=A4",
                                        "record_id=ERASE-R4",
                                        "description=" + MARKER + " meeting",
                                        "owner_team=" + MARKER + " owner")))
                .write();
        StringBuilder fourth = new StringBuilder();
        assertThat(night(w, tmp, fourth)).isEqualTo(ExitCode.OK);
        assertThat(fourth.toString())
                .contains(
                        "rows feedback_records: 2 refused as erased (ccft erase)",
                        "rows actions: 1 refused as erased (ccft erase)")
                .doesNotContain("CASE-ERASE")
                .doesNotContain("ERASE-R")
                .doesNotContain(MARKER);
        assertThat(filesHolding(w.root, MARKER, "CASE-ERASE", "ERASE-R")).isEmpty();
        assertThat(
                        w.sql("SELECT value FROM at_a_glance WHERE measure = 'corporate_stage1'")
                                .get(0)
                                .getLong(0))
                .isEqualTo(1); // K1 only

        // Every file and folder the nights, the sites, the report and the erasure wrote is its
        // owner's and group's only: the H2 job repository, the run lock, the access log included.
        assertThat(w.root.resolve("ops/jobrepo.mv.db")).exists();
        assertThat(w.root.resolve("ops/access/team-queries.jsonl")).exists();
        for (Path written :
                List.of(
                        w.root,
                        report,
                        tmp.resolve("site-internal"),
                        tmp.resolve("site-team"),
                        tmp.resolve("site-public"))) {
            assertThat(openToOthers(written)).as("open to others under " + written).isEmpty();
        }

        Commands.Result listed = Commands.ccft("erase", "--warehouse", root, "--list");
        assertThat(listed.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(listed.lines())
                .hasSize(2)
                .last()
                .asString()
                .startsWith("DPO-2026-017\t20")
                .endsWith("\t1\t0");
    }

    /** A nightly run, its log captured at INFO (as in production) and its summary kept with it. */
    private static int night(Warehouse w, Path tmp, StringBuilder printed) throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            NightlyRunner.Outcome outcome = w.nightly();
            printed.append(String.join("\n", outcome.summary())).append('\n').append(logs.text());
            return outcome.exitCode();
        }
    }

    /** Every file and folder under the folder (itself too) that others may read, write or open. */
    static List<String> openToOthers(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(
                            f -> {
                                try {
                                    return Files.getPosixFilePermissions(
                                                    f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                            .stream()
                                            .anyMatch(p -> p.name().startsWith("OTHERS_"));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                    .map(f -> folder.relativize(f) + " " + mode(f))
                    .toList();
        }
    }

    private static String mode(Path f) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the folder holding the marker's bytes. */
    static List<Path> filesHolding(Path folder) throws IOException {
        return filesHolding(folder, MARKER);
    }

    /** Every file under the folder, logs and hidden files included, holding any text's bytes. */
    static List<Path> filesHolding(Path folder, String... texts) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(
                            f ->
                                    Stream.of(texts)
                                            .anyMatch(
                                                    t ->
                                                            holds(
                                                                    f,
                                                                    t.getBytes(
                                                                            StandardCharsets
                                                                                    .UTF_8))))
                    .toList();
        }
    }

    private static boolean holds(Path file, byte[] marker) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + marker.length <= bytes.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (bytes[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
