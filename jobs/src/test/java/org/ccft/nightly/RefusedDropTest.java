package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.ccft.demo.DropWriter;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LedgerEntry;
import org.ccft.landing.LoadLedger;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.LayerLevel;
import org.ccft.testing.Stages;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;

/**
 * A damaged drop is refused whole and named; the other drops load; a folder without a manifest
 * waits. The landing layer's rules, run on the nightly job's own stages ({@link Stages}).
 */
@LayerLevel
class RefusedDropTest {

    static DropWriter drop(Path landing, String id, List<List<String>> records) {
        return new DropWriter(
                        landing,
                        id,
                        "INCREMENTAL",
                        Instant.parse(
                                id.substring(0, 4)
                                        + "-"
                                        + id.substring(4, 6)
                                        + "-"
                                        + id.substring(6, 8)
                                        + "T02:00:00Z"))
                .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), records);
    }

    @Test
    void damagedDropsAreRefusedAndTheRestLoads(@TempDir Path tmp) throws Exception {
        Night w = new Night(tmp);
        drop(w.landing, "20230101T020000Z", List.of(Cms.feedback("record_id=G1"))).write();
        // a file changed after its manifest was written
        Path changed =
                drop(w.landing, "20230102T020000Z", List.of(Cms.feedback("record_id=B1"))).write();
        Files.writeString(
                changed.resolve("feedback_records.csv"),
                "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        // a manifest that counts one row more than the file holds (checksum right)
        String header = String.join(",", CmsContract.FEEDBACK_RECORDS.columnNames()) + "\n";
        new DropWriter(
                        w.landing,
                        "20230103T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-03T02:00:00Z"))
                .rawFile("feedback_records.csv", header.getBytes(StandardCharsets.UTF_8), 1)
                .write();
        // a manifest that is not JSON
        Path notJson =
                drop(w.landing, "20230104T020000Z", List.of(Cms.feedback("record_id=B4"))).write();
        Files.writeString(
                notJson.resolve("manifest.json"),
                "{\"export_id\": \"20230104T020000Z\", \"files\": [");
        // a manifest listing a file that is not there
        Path missing =
                drop(w.landing, "20230105T020000Z", List.of(Cms.feedback("record_id=B5"))).write();
        Files.delete(missing.resolve("feedback_records.csv"));
        // still being written: no manifest yet
        Path inProgress =
                drop(w.landing, "20230106T020000Z", List.of(Cms.feedback("record_id=W6"))).write();
        Files.delete(inProgress.resolve("manifest.json"));
        drop(w.landing, "20230107T020000Z", List.of(Cms.feedback("record_id=G7"))).write();

        NightlyRunner.Outcome outcome = w.nightly();
        assertThat(outcome.plan().refused())
                .containsOnlyKeys(
                        "20230102T020000Z",
                        "20230103T020000Z",
                        "20230104T020000Z",
                        "20230105T020000Z");
        assertThat(outcome.plan().refused().get("20230102T020000Z")).contains("checksum");
        assertThat(outcome.plan().refused().get("20230103T020000Z"))
                .isEqualTo(
                        "cms/20230103T020000Z/feedback_records.csv has 0 data rows, the manifest says 1");
        assertThat(outcome.plan().refused().get("20230104T020000Z"))
                .startsWith("manifest.json is not valid JSON");
        assertThat(outcome.plan().refused().get("20230105T020000Z"))
                .isEqualTo(
                        "cms/20230105T020000Z/feedback_records.csv is listed in the manifest but missing");
        assertThat(outcome.summary())
                .contains(
                        "drop refused: 20230105T020000Z: cms/20230105T020000Z/feedback_records.csv is listed in the manifest but missing");
        assertThat(w.corporateStage1()).containsExactly(2L); // G1 and G7
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.raw("feedback_records"))
                                .select("export_id")
                                .distinct()
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("20230101T020000Z", "20230107T020000Z");
        assertThat(new LoadLedger(TestSpark.session(), w.layout).entries())
                .extracting(e -> e.exportId() + ":" + e.status())
                .containsExactlyInAnyOrder(
                        "20230101T020000Z:LOADED",
                        "20230102T020000Z:REFUSED",
                        "20230103T020000Z:REFUSED",
                        "20230104T020000Z:REFUSED",
                        "20230105T020000Z:REFUSED",
                        "20230107T020000Z:LOADED");

        // The CMS re-sends the unreadable drop with a sound manifest; the manifest finally arrives
        // for the folder in progress. Refused drops whose manifest did not change are not tried
        // again.
        Files.delete(notJson.resolve("manifest.json"));
        drop(w.landing, "20230104T020000Z", List.of(Cms.feedback("record_id=B4"))).write();
        drop(w.landing, "20230106T020000Z", List.of(Cms.feedback("record_id=W6"))).write();
        NightlyRunner.Outcome next = w.nightly();
        assertThat(next.plan().refused()).isEmpty();
        assertThat(next.plan().drops())
                .extracting(d -> d.exportId())
                .containsExactly("20230104T020000Z", "20230106T020000Z");
        assertThat(new LoadLedger(TestSpark.session(), w.layout).entries())
                .filteredOn(e -> LedgerEntry.LOADED.equals(e.status()))
                .hasSize(4);
    }

    /**
     * Folder names are data: named with a quote, a backslash, a comma, braces or '*', a drop is
     * refused on its name (nothing inside it is read, no predicate or path list is written from
     * it), once; the good drops beside it load that night and the nights after.
     */
    @Test
    void oddlyNamedFoldersAreRefusedNeverExecuted(@TempDir Path tmp) throws Exception {
        Night w = new Night(tmp);
        List<String> odd =
                List.of(
                        "20230101T020000Z' OR '1'='1",
                        "20230101T020000Z\\",
                        "20230101T020000Z,20230102T020000Z",
                        "{20230101T020000Z,x}",
                        "*",
                        "20230101T02*");
        for (String name : odd) {
            new DropWriter(w.landing, name, "INCREMENTAL", Instant.parse("2023-01-01T02:00:00Z"))
                    .file(
                            "feedback_records.csv",
                            Cms.header(CmsContract.FEEDBACK_RECORDS),
                            List.of(Cms.feedback("record_id=ODD" + odd.indexOf(name))))
                    .write();
        }
        drop(w.landing, "20230101T020000Z", List.of(Cms.feedback("record_id=G1"))).write();

        NightlyRunner.Outcome first = w.nightly();
        assertThat(first.plan().refused()).containsOnlyKeys(odd.toArray(String[]::new));
        assertThat(first.plan().refused().get("*")).startsWith("folder * is not an export id");
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.raw("feedback_records"))
                                .select("record_id")
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("G1");
        assertThat(new LoadLedger(TestSpark.session(), w.layout).entries())
                .extracting(e -> e.exportId() + ":" + e.status())
                .contains(
                        "20230101T020000Z:LOADED",
                        "*:REFUSED",
                        "20230101T020000Z' OR '1'='1:REFUSED");

        drop(w.landing, "20230102T020000Z", List.of(Cms.feedback("record_id=G2"))).write();
        NightlyRunner.Outcome second = w.nightly();
        assertThat(second.plan().refused()).isEmpty();
        assertThat(second.plan().drops())
                .extracting(d -> d.exportId())
                .containsExactly("20230102T020000Z");
        assertThat(w.corporateStage1()).containsExactly(2L);
    }

    /** The landing area and the warehouse, loaded night after night by the stages. */
    static final class Night {
        final Path landing;
        final WarehouseLayout layout;
        private final Stages stages;

        Night(Path tmp) {
            landing = tmp.resolve("landing");
            stages = new Stages(tmp.resolve("warehouse"), landing);
            layout = stages.layout();
        }

        /** A night short of its marts, as the job's summary would tell it. */
        NightlyRunner.Outcome nightly() throws Exception {
            JobExecution run = stages.night();
            return new NightlyRunner.Outcome(run, RunPlan.of(run.getExecutionContext()), false);
        }

        /** At a Glance's corporate stage 1 complaints, each year's, as the mart computes them. */
        List<Long> corporateStage1() {
            return stages.mart("at_a_glance").stream()
                    .filter(r -> r.contains("\"measure\":\"corporate_stage1\""))
                    .map(r -> Long.parseLong(r.replaceAll(".*\"value\":([0-9]+).*", "$1")))
                    .toList();
        }
    }
}
