package org.ccft.conformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.ccft.demo.DropWriter;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.LayerLevel;
import org.ccft.testing.Stages;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformed layer does not depend on the order drops arrive in: the same drops loaded over
 * several nights, late and twice, give the same tables, and so the same marts, as all of them
 * loaded in one night. Run as the nightly job's stages from the landing area to the conformed
 * tables (and the ledger), each on its own: the rule is theirs.
 */
@LayerLevel
public class MergeOrderingTest {

    /** A drop of feedback records only (actions and contacts empty). */
    public record Drop(String exportId, String type, List<List<String>> records) {
        public void writeTo(Path landing) throws Exception {
            Instant extracted =
                    Instant.parse(
                            exportId.substring(0, 4)
                                    + "-"
                                    + exportId.substring(4, 6)
                                    + "-"
                                    + exportId.substring(6, 8)
                                    + "T"
                                    + exportId.substring(9, 11)
                                    + ":00:00Z");
            new DropWriter(landing, exportId, type, extracted)
                    .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), records)
                    .file("actions.csv", Cms.header(CmsContract.ACTIONS), List.of())
                    .file("contacts.csv", Cms.header(CmsContract.CONTACTS), List.of())
                    .write();
        }
    }

    static List<String> rec(String id, String lastModified, String... more) {
        List<String> o =
                new ArrayList<>(
                        List.of(
                                "record_id=" + id,
                                "case_ref=C" + id,
                                "last_modified=" + lastModified));
        o.addAll(List.of(more));
        return Cms.feedback(o.toArray(String[]::new));
    }

    public static final Drop D1 =
            new Drop(
                    "20230101T020000Z",
                    "FULL",
                    List.of(
                            rec("R1", "2022-12-01T10:00:00Z"), rec("R2", "2022-12-01T10:00:00Z"),
                            rec("R3", "2022-12-05T10:00:00Z"), rec("R4", "2022-12-01T10:00:00Z")));

    /**
     * A late drop: it sorts before D2 but arrives last. R4's change here predates D5, which omits
     * R4.
     */
    static final Drop D1B =
            new Drop(
                    "20230105T020000Z",
                    "INCREMENTAL",
                    List.of(
                            rec("R6", "2023-01-04T10:00:00Z"),
                            rec("R4", "2023-01-03T10:00:00Z", "team=late change")));

    public static final Drop D2 =
            new Drop(
                    "20230108T020000Z",
                    "INCREMENTAL",
                    List.of(
                            rec(
                                    "R1",
                                    "2023-01-05T10:00:00Z",
                                    "response_date=2023-01-05",
                                    "outcome=UPHELD",
                                    "status=CLOSED"),
                            rec("R2", "2023-01-06T10:00:00Z", "is_deleted=Y")));
    static final Drop D3 =
            new Drop(
                    "20230115T020000Z",
                    "INCREMENTAL",
                    List.of(
                            rec("R1", "2022-12-01T10:00:00Z"), // an old version, delivered again:
                            // loses
                            rec("R3", "2023-01-10T10:00:00Z", "team=sat North"),
                            rec("R5", "2023-01-12T10:00:00Z")));

    /** D3 re-sent after an outage under a new export_id: changes nothing. */
    static final Drop D3_RESENT = new Drop("20230115T040000Z", "INCREMENTAL", D3.records());

    static final Drop D4 =
            new Drop(
                    "20230122T020000Z",
                    "INCREMENTAL",
                    List.of(
                            rec(
                                    "R3",
                                    "2023-01-10T10:00:00Z",
                                    "team=sat South"), // a tie on last_modified: the later export
                            // wins
                            rec("R2", "2022-12-01T10:00:00Z"))); // older than its tombstone: stays

    // deleted

    /** A FULL export that omits R4 (deleted in the CMS, with no tombstone) and R2. */
    static final Drop D5 =
            new Drop(
                    "20230129T020000Z",
                    "FULL",
                    List.of(
                            rec(
                                    "R1",
                                    "2023-01-05T10:00:00Z",
                                    "response_date=2023-01-05",
                                    "outcome=UPHELD",
                                    "status=CLOSED"),
                            rec("R3", "2023-01-10T10:00:00Z", "team=sat South"),
                            rec("R5", "2023-01-12T10:00:00Z"),
                            rec("R6", "2023-01-04T10:00:00Z")));

    @Test
    void dropsLoadedLateAndTwiceGiveWhatOneOrderedNightGives(@TempDir Path tmp) throws Exception {
        Stages nights = new Stages(tmp.resolve("nights/warehouse"), tmp.resolve("nights/landing"));
        Path landing = tmp.resolve("nights/landing");
        D1.writeTo(landing);
        D2.writeTo(landing);
        nights.night();
        D3.writeTo(landing);
        D4.writeTo(landing);
        D5.writeTo(landing);
        D3_RESENT.writeTo(landing);
        nights.night();
        D1B.writeTo(landing);
        nights.night();
        // The same drops again: the ledger knows them all, nothing is loaded twice.
        assertThat(nights.find().drops()).isEmpty();

        Stages oneNight = new Stages(tmp.resolve("one/warehouse"), tmp.resolve("one/landing"));
        for (Drop d : List.of(D1, D1B, D2, D3, D3_RESENT, D4, D5)) {
            d.writeTo(tmp.resolve("one/landing"));
        }
        oneNight.night();

        var spark = TestSpark.session();
        var current =
                spark.read().format("delta").load(nights.layout().conformed("feedback_records"));
        assertThat(
                        current.where("NOT is_deleted")
                                .selectExpr("record_id", "coalesce(team, '')", "status")
                                .collectAsList())
                .extracting(r -> r.getString(0) + ":" + r.getString(1) + ":" + r.getString(2))
                .containsExactlyInAnyOrder(
                        "R1::CLOSED", "R3:sat South:OPEN", "R5::OPEN", "R6::OPEN");
        assertThat(current.where("is_deleted").selectExpr("record_id", "export_id").collectAsList())
                .extracting(r -> r.getString(0) + "@" + r.getString(1))
                // R4 by the FULL export that omitted it, after its late change; R2 by its own
                // tombstone of 6 January, then again (the latest fact) by that FULL export's
                // omission of 29 January.
                .containsExactlyInAnyOrder("R2@20230129T020000Z", "R4@20230129T020000Z");
        // R3 was stated at the same last_modified by D3, its re-send, D4 (team B) and FULL D5 (team
        // B): the tie goes to the latest export_id, D5, whatever the order they arrived in.
        assertThat(current.where("record_id = 'R3'").head().<String>getAs("export_id"))
                .isEqualTo("20230129T020000Z");

        for (String table : List.of("feedback_records", "actions", "contacts")) {
            assertThat(contents(nights.layout().conformed(table)))
                    .as(table)
                    .isEqualTo(contents(oneNight.layout().conformed(table)));
        }
        // As at the newest export loaded, D5's, in both.
        LocalDate asAt = LocalDate.of(2023, 1, 29);
        Map<String, List<String>> marts = nights.marts(asAt);
        assertThat(marts).isEqualTo(oneNight.marts(asAt));
        assertThat(marts.get("at_a_glance"))
                .contains(
                        "{\"financial_year\":\"2022-23\",\"measure\":\"corporate_stage1\",\"value\":4}");
    }

    /** A table's rows as sorted text, for comparing two warehouses. */
    private static List<String> contents(String path) {
        return TestSpark.session()
                .read()
                .format("delta")
                .load(path)
                .selectExpr("to_json(struct(*))")
                .as(Encoders.STRING())
                .collectAsList()
                .stream()
                .sorted()
                .toList();
    }
}
