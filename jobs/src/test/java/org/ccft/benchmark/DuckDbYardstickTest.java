package org.ccft.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.ccft.demo.DropWriter;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB yardstick keeps the contract's promises on a landing area worked by hand: a late
 * drop's older version loses, a tombstone deletes, a FULL export deletes what it leaves out, a
 * damaged drop is refused whole, a bad row and a key twice in one drop are left out, deadlines skip
 * weekends and bank holidays (the Platinum Jubilee's two), and the as-at date is the newest loaded
 * export's.
 *
 * <p>Current records: R1, R3, R4, R6. R2 has a tombstone; R5 was left out of the FULL export A; R7
 * breaks the service-area list; R9 comes twice in B with different content; R8 is in damaged D; F's
 * manifest cannot be read.
 */
class DuckDbYardstickTest {

    @TempDir static Path landing;
    static DuckDbYardstick.Figures figures;

    static final String E = "20221215T020000Z";
    static final String A = "20230101T020000Z";
    static final String B = "20230201T020000Z";
    static final String D = "20230301T020000Z";
    static final String F = "20230302T020000Z";

    static Instant at(String exportId) {
        return Instant.parse(
                exportId.substring(0, 4)
                        + "-"
                        + exportId.substring(4, 6)
                        + "-"
                        + exportId.substring(6, 8)
                        + "T02:00:00Z");
    }

    static DropWriter drop(String exportId, String type) {
        return new DropWriter(landing, exportId, type, at(exportId));
    }

    static List<String> header() {
        return Cms.header(CmsContract.FEEDBACK_RECORDS);
    }

    @BeforeAll
    static void computeTheMarts() throws Exception {
        // A late drop (taken before the FULL export, loaded with it): R1's older version, and R5,
        // which the FULL export then leaves out.
        drop(E, "INCREMENTAL")
                .file(
                        "feedback_records.csv",
                        header(),
                        List.of(
                                Cms.feedback(
                                        "record_id=R1",
                                        "response_date=2022-06-16",
                                        "outcome=NOT_UPHELD",
                                        "last_modified=2022-06-01T09:00:00Z"),
                                Cms.feedback(
                                        "record_id=R5",
                                        "case_ref=C5",
                                        "received_date=2022-08-01",
                                        "last_modified=2022-12-10T09:00:00Z")))
                .write();
        drop(A, "FULL")
                .file(
                        "feedback_records.csv",
                        header(),
                        List.of(
                                // received on Wednesday 1 June 2022: 10 working days, less the
                                // bank holidays of 2 and 3 June, end on Friday 17 June; answered
                                // on the 16th.
                                Cms.feedback(
                                        "response_date=2022-06-16",
                                        "outcome=UPHELD",
                                        "status=CLOSED",
                                        "last_modified=2022-06-20T09:00:00Z"),
                                Cms.feedback(
                                        "record_id=R2",
                                        "case_ref=C2",
                                        "response_date=2022-06-20",
                                        "outcome=NOT_UPHELD",
                                        "last_modified=2022-06-21T09:00:00Z"),
                                Cms.feedback(
                                        "record_id=R3",
                                        "case_ref=C3",
                                        "feedback_type=COMPLIMENT",
                                        "procedure=",
                                        "stage=",
                                        "themes=",
                                        "complainant_role=",
                                        "received_date=2022-05-10"),
                                Cms.feedback(
                                        "record_id=R4",
                                        "case_ref=C4",
                                        "received_date=2021-07-01",
                                        "last_modified=2021-07-01T09:00:00Z")))
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action("completed_date=2022-07-12", "status=DONE"),
                                Cms.action("action_id=A2", "owner_team=", "due_date=2022-08-01"),
                                Cms.action("action_id=A3", "status=CANCELLED"),
                                Cms.action("action_id=A4", "record_id=RX", "due_date=")))
                .file(
                        "contacts.csv",
                        Cms.header(CmsContract.CONTACTS),
                        List.of(
                                Cms.contact(),
                                Cms.contact(
                                        "contact_id=K2",
                                        "due_date=2022-06-24",
                                        "sent_date=2022-06-27",
                                        "adjustment_met=N"),
                                Cms.contact("contact_id=K3", "due_date=2023-03-01", "sent_date="),
                                Cms.contact("contact_id=K4", "due_date=2022-12-01", "sent_date=")))
                .write();
        drop(B, "INCREMENTAL")
                .file(
                        "feedback_records.csv",
                        header(),
                        List.of(
                                Cms.feedback(
                                        "record_id=R2",
                                        "case_ref=C2",
                                        "is_deleted=Y",
                                        "last_modified=2023-01-15T09:00:00Z"),
                                Cms.feedback(
                                        "record_id=R6",
                                        "case_ref=C6",
                                        "feedback_type=ENQUIRY",
                                        "enquiry_source=MP",
                                        "procedure=",
                                        "stage=",
                                        "complainant_role=",
                                        "themes=COMMUNICATION",
                                        "received_date=2023-01-20",
                                        "last_modified=2023-01-20T09:00:00Z"),
                                Cms.feedback("record_id=R7", "case_ref=C7", "service_area=NOWHERE"),
                                Cms.feedback("record_id=R9", "case_ref=C9", "team=sat North"),
                                Cms.feedback("record_id=R9", "case_ref=C9", "team=sat South")))
                .write();
        // Damaged in delivery: a row more than its manifest says, so not the checksum it gives.
        Path damaged =
                drop(D, "INCREMENTAL")
                        .file(
                                "feedback_records.csv",
                                header(),
                                List.of(Cms.feedback("record_id=R8", "case_ref=C8")))
                        .write();
        Files.writeString(
                damaged.resolve("feedback_records.csv"),
                String.join(",", Cms.feedback("record_id=R10", "case_ref=C10", "summary=x")) + "\n",
                StandardOpenOption.APPEND);
        // A manifest whose extracted_at is no timestamp.
        Path unreadable = Files.createDirectories(landing.resolve("cms").resolve(F));
        Files.writeString(
                unreadable.resolve("manifest.json"),
                """
                {"export_id": "%s", "export_type": "INCREMENTAL", "extracted_at": "last night",
                 "files": [{"name": "feedback_records.csv", "rows": 0, "sha256": "0"}]}
                """
                        .formatted(F));
        Files.createDirectories(landing.resolve("sat"));
        Files.writeString(
                landing.resolve("sat/ehcp_monthly.csv"),
                """
                month,requests_received,assessments_agreed,plans_issued,plans_issued_within_20_weeks,plans_maintained
                2021-04,9,8,5,2,90
                2022-04,20,15,10,4,100
                2022-05,20,15,12,5,101
                April,20,15,12,5,101
                """);
        figures = new DuckDbYardstick(landing).compute();
    }

    @Test
    void aDamagedDropIsRefusedWholeAndTheRestLoaded() {
        assertThat(figures.dropsLoaded()).containsExactly(E, A, B);
        assertThat(figures.dropsRefused()).containsOnlyKeys(D, F);
        assertThat(figures.dropsRefused().get(F))
                .isEqualTo("manifest: extracted_at last night is no timestamp");
        assertThat(figures.dropsRefused().get(D))
                .isEqualTo("feedback_records.csv: checksum differs from the manifest's");
        assertThat(figures.rowsRead()).isEqualTo(2 + 4 + 4 + 4 + 5);
    }

    @Test
    void atAGlanceCountsTheCurrentRecordsOnly() {
        // 2022-23: R1 (corporate stage 1), R3 (compliment), R6 (enquiry from an MP); 2021-22: R4.
        assertThat(figures.marts().get("at_a_glance"))
                .hasSize(22)
                .contains(
                        "2022-23,corporate_stage1,1,1",
                        "2022-23,compliments,1,0",
                        "2022-23,enquiries_mp,1,0",
                        "2022-23,statutory_stage1,0,0",
                        "2021-22,corporate_stage1,1,",
                        "2021-22,compliments,0,");
    }

    @Test
    void outcomesTimelinessAndThemesFollowTheNewestVersions() {
        assertThat(figures.marts().get("complaint_outcomes"))
                .containsExactly("2022-23,CORPORATE,1,SAT,1,1,0,0,0");
        // Answered on the 16th against a deadline of the 17th: in time (the 15th, were the
        // Jubilee's bank holidays working days).
        assertThat(figures.marts().get("complaint_timeliness"))
                .containsExactly("2022-23,CORPORATE,1,SAT,1,0,0");
        assertThat(figures.marts().get("complaint_themes"))
                .containsExactly(
                        "2021-22,PLANS,1,1", "2022-23,COMMUNICATION,1,0.5", "2022-23,PLANS,1,0.5");
        assertThat(figures.marts().get("lgo_outcomes")).isEmpty();
    }

    @Test
    void satComplaintsAgainstThePlansIssued() {
        // 2022-23: R1 against 10 + 12 plans; 2021-22: R4 against 5. The row "April" breaks the
        // month's shape and is left out.
        assertThat(figures.marts().get("sat_complaints_vs_ehcp"))
                .containsExactly("2021-22,1,5,20", "2022-23,1,22,4.5");
    }

    @Test
    void commitmentsAndUpdatesAtTheAsAtDate() {
        // As at 2023-02-01 (B; D was refused). A1 done late; A2 without an owner, overdue; A3
        // cancelled; A4's record unknown, without a due date.
        assertThat(figures.marts().get("commitment_followup"))
                .containsExactly("2022-23,SAT,2,1,0,1,1,1", "2022-23,UNKNOWN,1,0,1,0,0,0");
        // K1 on time; K2 late and not in the agreed form; K3 not due yet; K4 never sent.
        assertThat(figures.marts().get("adjustments_compliance"))
                .containsExactly("2022-23,SAT,3,1,1,1,1");
    }
}
