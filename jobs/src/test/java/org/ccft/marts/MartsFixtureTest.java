package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.ccft.cli.ExitCode;
import org.ccft.demo.DropWriter;
import org.ccft.nightly.NightlyRunner;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mart of marts.md against a small fixture whose answers were worked out by hand (in the
 * comments), loaded by the real nightly job into a real warehouse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MartsFixtureTest {

    Warehouse w;
    NightlyRunner.Outcome outcome;

    static final String[] NOT_A_COMPLAINT = {"procedure=", "stage=", "complainant_role="};

    static String[] with(String[] base, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @BeforeAll
    void load(@TempDir Path tmp) throws Exception {
        w = new Warehouse(tmp);
        List<List<String>> records = List.of(
                // 2021-22
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R01", "feedback_type=COMPLIMENT", "themes=",
                        "received_date=2021-05-10", "service_area=TARGETED_SUPPORT")),
                // Tue 1 June 2021 + 10 working days = Tue 15 June: answered on the day, on time.
                Cms.feedback("record_id=R02", "case_ref=C02", "procedure=STATUTORY", "received_date=2021-06-01",
                        "service_area=IFD_ASSESSMENT", "response_date=2021-06-15", "outcome=UPHELD",
                        "status=CLOSED", "extension_agreed=N"),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R03", "feedback_type=LGO_ENQUIRY",
                        "received_date=2021-09-01", "response_date=2022-05-10", "outcome=UPHELD")),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R04", "feedback_type=ENQUIRY", "enquiry_source=MP",
                        "themes=COMMUNICATION", "received_date=2022-03-01", "response_date=2022-03-10")),
                // 2022-23
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R05", "feedback_type=COMPLIMENT", "themes=",
                        "received_date=2022-05-03")),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R06", "feedback_type=COMPLIMENT", "themes=",
                        "received_date=2022-06-01", "is_deleted=Y")),
                // Fri 23 Dec 2022 + 10 working days = Wed 11 Jan 2023 (26, 27 Dec and 2 Jan are holidays).
                Cms.feedback("record_id=R07", "case_ref=C07", "received_date=2022-12-23", "themes=PLANS|COMMUNICATION",
                        "response_date=2023-01-11", "outcome=PARTIALLY_UPHELD", "extension_agreed=N"),
                Cms.feedback("record_id=R08", "case_ref=C08", "received_date=2022-12-23", "themes=COMMUNICATION",
                        "response_date=2023-01-12", "outcome=NOT_UPHELD"),
                // Stage 2, extended: Mon 9 Jan 2023 + 40 working days = Mon 6 March; answered 1 March.
                Cms.feedback("record_id=R09", "case_ref=C07", "stage=2", "received_date=2023-01-09",
                        "themes=ASSESSMENTS_REPORTS", "extension_agreed=Y", "response_date=2023-03-01",
                        "outcome=UPHELD", "remedy_gbp=250.00"),
                // Thu 14 Apr 2022 + 10: Easter (15, 18 Apr) and 2 May skipped: Tue 3 May; answered 4 May, late.
                Cms.feedback("record_id=R10", "case_ref=C10", "procedure=STATUTORY", "received_date=2022-04-14",
                        "service_area=IFD_ASSESSMENT", "themes=DECISIONS", "response_date=2022-05-04",
                        "outcome=WITHDRAWN"),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R11", "feedback_type=ENQUIRY",
                        "enquiry_source=COUNCILLOR", "themes=WORKER_BEHAVIOUR", "received_date=2022-07-01",
                        "service_area=FAMILY_SAFEGUARDING")),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R12", "feedback_type=LGO_ENQUIRY",
                        "received_date=2022-10-03")),
                Cms.feedback(with(NOT_A_COMPLAINT, "record_id=R13", "feedback_type=LGO_ENQUIRY",
                        "received_date=2022-11-01", "service_area=ADOPTION", "themes=DECISIONS",
                        "response_date=2023-02-01", "outcome=OUTSIDE_REMIT")),
                Cms.feedback("record_id=R14", "case_ref=C07", "stage=3", "received_date=2023-03-20"),
                Cms.feedback("record_id=R15", "service_area=NOPE")); // quarantined: counts nowhere
        new DropWriter(w.landing, "20230403T020000Z", "FULL", Instant.parse("2023-04-03T02:00:00Z"))
                .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), records)
                .file("actions.csv", Cms.header(CmsContract.ACTIONS), List.of(
                        Cms.action(), // for R1, a record the warehouse does not hold: UNKNOWN; overdue since 10 July
                        Cms.action("action_id=A2", "record_id=R07", "owner_team=", "due_date=",
                                "agreed_date=2023-01-11"),
                        Cms.action("action_id=A3", "record_id=R07", "agreed_date=2023-01-11", "due_date=2023-02-01",
                                "completed_date=2023-02-10", "status=DONE"),
                        Cms.action("action_id=A4", "record_id=R09", "agreed_date=2023-03-01", "due_date=2023-05-01",
                                "completed_date=2023-03-15", "status=DONE"),
                        Cms.action("action_id=A5", "record_id=R07", "agreed_date=2023-01-11", "status=CANCELLED"),
                        Cms.action("action_id=A6", "record_id=R02", "agreed_date=2021-06-15", "due_date=2021-07-15",
                                "completed_date=2021-07-01", "status=DONE")))
                .file("contacts.csv", Cms.header(CmsContract.CONTACTS), List.of(
                        Cms.contact(), // for R1: UNKNOWN, sent a day early
                        Cms.contact("contact_id=K2", "record_id=R07", "due_date=2023-01-06", "sent_date=2023-01-09",
                                "adjustment_met=N"),
                        Cms.contact("contact_id=K3", "record_id=R07", "due_date=2023-01-13", "sent_date=",
                                "adjustment_met="),
                        Cms.contact("contact_id=K4", "record_id=R07", "due_date=2023-05-01", "sent_date=",
                                "adjustment_met="), // due after the as-at date: not yet counted
                        Cms.contact("contact_id=K5", "record_id=R07", "due_date=2023-01-20", "sent_date=2023-01-20")))
                .write();
        Files.createDirectories(w.landing.resolve("sat"));
        Files.writeString(w.landing.resolve("sat/ehcp_monthly.csv"), """
                month,requests_received,assessments_agreed,plans_issued,plans_issued_within_20_weeks,plans_maintained
                2022-03,20,15,5,2,100
                2022-04,20,15,10,4,101
                2022-05,20,15,0,0,102
                2022-13,20,15,9,1,103
                2022-06,20,15,10,3,104
                2022-06,20,15,12,3,104
                2022-07,20,15,10,11,105
                """);
        outcome = w.nightly();
    }

    private List<String> rows(String sql) {
        return w.sql(sql).stream().map(MartsFixtureTest::csv).sorted().collect(Collectors.toList());
    }

    static String csv(Row r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            b.append(i == 0 ? "" : ",").append(r.isNullAt(i) ? "null" : r.get(i));
        }
        return b.toString();
    }

    @Test
    void theRunLoadsTheDropAndQuarantinesTheBadRows() {
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(outcome.plan().accepted).containsEntry("feedback_records", 14L);
        assertThat(outcome.plan().quarantined).containsEntry("feedback_records", 1L);
        assertThat(TestSpark.session().read().format("delta").load(w.layout.quarantine())
                .selectExpr("source_table", "file", "line", "record_key", "rule").collectAsList())
                .extracting(MartsFixtureTest::csv).containsExactlyInAnyOrder(
                        // every fixture row spans two lines (its summary has a line break): R15 starts on line 30
                        "feedback_records,cms/20230403T020000Z/feedback_records.csv,30,R15,code_list:service_area",
                        // SAT: month 13 is no month; June is stated twice; July has more within 20 weeks than issued.
                        "ehcp_monthly,sat/ehcp_monthly.csv,5,2022-13,type:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,6,2022-06,unique:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,7,2022-06,unique:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,8,2022-07,not_above:plans_issued_within_20_weeks");
    }

    @Test
    void atAGlance() {
        assertThat(rows("SELECT * FROM at_a_glance WHERE value > 0 OR previous_year_value > 0")).containsExactly(
                "2021-22,compliments,1,null",
                "2021-22,enquiries_mp,1,null",
                "2021-22,lgo_enquiries,1,null",
                "2021-22,statutory_stage1,1,null",
                "2022-23,compliments,1,1",
                "2022-23,corporate_stage1,2,0",
                "2022-23,corporate_stage2,1,0",
                "2022-23,corporate_stage3,1,0",
                "2022-23,enquiries_councillor,1,0",
                "2022-23,enquiries_mp,0,1",
                "2022-23,lgo_enquiries,2,1",
                "2022-23,statutory_stage1,1,1");
        // Every measure has a row for every year holding any record.
        assertThat(w.count("SELECT count(*) FROM at_a_glance")).isEqualTo(22);
    }

    @Test
    void complaintOutcomes() {
        assertThat(rows("SELECT * FROM complaint_outcomes")).containsExactly(
                "2021-22,STATUTORY,1,IFD_ASSESSMENT,1,1,0,0,0",
                "2022-23,CORPORATE,1,SAT,2,0,1,1,0",
                "2022-23,CORPORATE,2,SAT,1,1,0,0,0",
                "2022-23,STATUTORY,1,IFD_ASSESSMENT,1,0,0,0,1");
    }

    @Test
    void complaintTimeliness() {
        assertThat(rows("SELECT * FROM complaint_timeliness")).containsExactly(
                "2021-22,STATUTORY,1,IFD_ASSESSMENT,1,0,0",
                "2022-23,CORPORATE,1,SAT,2,0,1",
                "2022-23,CORPORATE,2,SAT,1,1,0",
                "2022-23,STATUTORY,1,IFD_ASSESSMENT,1,0,1");
    }

    @Test
    void complaintThemes() {
        assertThat(rows("SELECT * FROM complaint_themes")).containsExactly(
                "2021-22,COMMUNICATION,1,0.5",
                "2021-22,PLANS,1,0.5",
                "2022-23,ASSESSMENTS_REPORTS,1,0.1667",
                "2022-23,COMMUNICATION,1,0.1667",
                "2022-23,DECISIONS,1,0.1667",
                "2022-23,PLANS,2,0.3333",
                "2022-23,WORKER_BEHAVIOUR,1,0.1667");
    }

    @Test
    void lgoOutcomes() {
        assertThat(rows("SELECT * FROM lgo_outcomes")).containsExactly(
                "2021-22,SAT,1,0,0,0,0,0",
                "2022-23,ADOPTION,1,1,0,0,0,1",
                "2022-23,SAT,1,1,1,0,0,0");
    }

    @Test
    void satComplaintsVsEhcp() {
        // 2021-22: March 2022's 5 plans, no SAT complaint. 2022-23: April 10 + May 0 (June and July were
        // quarantined);
        // SAT complaints R07, R08, R09, R14.
        assertThat(rows("SELECT * FROM sat_complaints_vs_ehcp")).containsExactly(
                "2021-22,0,5,0.0",
                "2022-23,4,10,40.0");
    }

    @Test
    void commitmentFollowup() {
        // As at 2023-04-03. A5 is cancelled; A1 belongs to no record the warehouse holds.
        assertThat(rows("SELECT * FROM commitment_followup")).containsExactly(
                "2021-22,IFD_ASSESSMENT,1,0,0,1,0,0",
                "2022-23,SAT,3,1,1,2,1,0",
                "2022-23,UNKNOWN,1,0,0,0,0,1");
    }

    @Test
    void adjustmentsCompliance() {
        assertThat(rows("SELECT * FROM adjustments_compliance")).containsExactly(
                "2022-23,SAT,3,1,1,1,1",
                "2022-23,UNKNOWN,1,1,0,0,0");
    }

    @Test
    void countColumnsAreWholeNumbersNeverNull() {
        assertThat(w.sql("SELECT * FROM complaint_outcomes").get(0).schema().fields())
                .filteredOn(f -> !List.of("financial_year", "procedure", "service_area").contains(f.name()))
                .allSatisfy(f -> assertThat(f.dataType().typeName()).isIn("long", "integer"));
        assertThat(w.count("SELECT count(*) FROM lgo_outcomes WHERE received IS NULL OR decided IS NULL")).isZero();
    }

    @Test
    void noPersonalDataLeavesTheRawLayer() {
        var spark = TestSpark.session();
        for (String table : List.of("feedback_records", "actions", "contacts")) {
            var conformed = spark.read().format("delta").load(w.layout.conformed(table));
            assertThat(conformed.columns()).doesNotContain("complainant_name", "complainant_email", "child_name",
                    "summary", "description");
            assertThat(conformed.selectExpr("to_json(struct(*)) AS j")
                    .where("j RLIKE 'Alex Example|Free text|OT assessment'").count())
                    .isZero();
        }
        assertThat(spark.read().format("delta").load(w.layout.quarantine()).selectExpr("to_json(struct(*)) AS j")
                .where("j RLIKE 'Alex Example|Free text'").count()).isZero();
        assertThat(spark.read().format("delta").load(w.layout.raw("feedback_records"))
                .where("complainant_name = 'Alex Example'").count()).isEqualTo(15);
    }

    @Test
    void aDeletedRecordKeepsOnlyItsKeyInTheConformedLayer() {
        Row r06 = TestSpark.session().read().format("delta").load(w.layout.conformed("feedback_records"))
                .where("record_id = 'R06'").head();
        assertThat(r06.<Boolean>getAs("is_deleted")).isTrue();
        assertThat(r06.<Object>getAs("feedback_type")).isNull();
        assertThat(r06.<Object>getAs("received_date")).isNull();
    }
}
