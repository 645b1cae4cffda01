package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.ccft.demo.DropWriter;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.published.DataDictionary;
import org.ccft.published.Publication;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mart of marts.md against a small fixture whose answers were worked out by hand (in the
 * comments), loaded by the real nightly job into a real warehouse.
 */
@WholeJob
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MartsFixtureTest {

    Warehouse w;
    NightlyRunner.Outcome outcome;

    static final String[] NOT_A_COMPLAINT = {"procedure=", "stage=", "complainant_role="};

    static String[] with(String[] base, String... more) {
        return Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new);
    }

    /**
     * DfE's timeliness file as DfE publishes it (byte-order mark, full header, `x` and `c`
     * markers): England, the East of England, three councils (Suffolk's figures suppressed), and a
     * breakdown row to ignore.
     */
    static final String DFE_TIMELINESS =
            "\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,"
                    + "region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,plans_issued_den,"
                    + "plans_issued_den_ex,plans_issued_within_20_weeks,plans_issued_20_weeks_ex,pc_plans_issued_within_20_weeks,"
                    + "PC_plans_issued_20_weeks_ex,plans_issued_gt20weeks_ltYear,plans_issued_gt20weeks_ltYear_ex,"
                    + "pc_plans_issued_gt20weeks_ltYear,PC_plans_issued_gt20weeks_ltYear_ex,plans_issued_gt_1_year,"
                    + "plans_issued_gt_1_year_ex,pc_plans_issued_gt_1_year,PC_plans_issued_gt_1_year_ex\n"
                    + "2022,Calendar year,National,E92000001,England,,,,,,All EHC plans issued,All EHC plans issued,"
                    + "65512,63000,31226,30000,47.7,49.2,x,x,x,x,x,x,x,x\n"
                    + "2022,Calendar year,Regional,E92000001,England,E12000006,East of England,,,,All EHC plans issued,"
                    + "All EHC plans issued,6245,6000,1926,1900,30.8,32.4,x,x,x,x,x,x,x,x\n"
                    + "2022,Calendar year,Local authority,E92000001,England,E12000006,East of England,E10000003,873,"
                    + "Cambridgeshire,All EHC plans issued,All EHC plans issued,1094,973,401,401,36.7,41.2,x,x,x,x,x,x,x,x\n"
                    + "2022,Calendar year,Local authority,E92000001,England,E12000006,East of England,E10000020,926,"
                    + "Norfolk,All EHC plans issued,All EHC plans issued,900,880,500,490,55.6,55.7,x,x,x,x,x,x,x,x\n"
                    + "2022,Calendar year,Local authority,E92000001,England,E12000006,East of England,E10000029,935,"
                    + "Suffolk,All EHC plans issued,All EHC plans issued,c,c,c,c,c,c,x,x,x,x,x,x,x,x\n"
                    + "2022,Calendar year,Local authority,E92000001,England,E12000006,East of England,E10000003,873,"
                    + "Cambridgeshire,Sex,Male,700,600,250,250,35.7,41.7,x,x,x,x,x,x,x,x\n";

    @BeforeAll
    void load(@TempDir Path tmp) throws Exception {
        w = new Warehouse(tmp);
        List<List<String>> records =
                List.of(
                        // 2021-22
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R01",
                                        "feedback_type=COMPLIMENT",
                                        "themes=",
                                        "received_date=2021-05-10",
                                        "service_area=TARGETED_SUPPORT")),
                        // Tue 1 June 2021 + 10 working days = Tue 15 June: answered on the day, on
                        // time.
                        Cms.feedback(
                                "record_id=R02",
                                "case_ref=C02",
                                "procedure=STATUTORY",
                                "received_date=2021-06-01",
                                "service_area=IFD_ASSESSMENT",
                                "response_date=2021-06-15",
                                "outcome=UPHELD",
                                "status=CLOSED",
                                "extension_agreed=N"),
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R03",
                                        "feedback_type=LGO_ENQUIRY",
                                        "received_date=2021-09-01",
                                        "response_date=2022-05-10",
                                        "outcome=UPHELD")),
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R04",
                                        "feedback_type=ENQUIRY",
                                        "enquiry_source=MP",
                                        "themes=COMMUNICATION",
                                        "received_date=2022-03-01",
                                        "response_date=2022-03-10")),
                        // 2022-23
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R05",
                                        "feedback_type=COMPLIMENT",
                                        "themes=",
                                        "received_date=2022-05-03")),
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R06",
                                        "feedback_type=COMPLIMENT",
                                        "themes=",
                                        "received_date=2022-06-01",
                                        "is_deleted=Y")),
                        // Fri 23 Dec 2022 + 10 working days = Wed 11 Jan 2023 (26, 27 Dec and 2 Jan
                        // are holidays).
                        Cms.feedback(
                                "record_id=R07",
                                "case_ref=C07",
                                "received_date=2022-12-23",
                                "themes=PLANS|COMMUNICATION",
                                "response_date=2023-01-11",
                                "outcome=PARTIALLY_UPHELD",
                                "extension_agreed=N"),
                        Cms.feedback(
                                "record_id=R08",
                                "case_ref=C08",
                                "received_date=2022-12-23",
                                "themes=COMMUNICATION",
                                "response_date=2023-01-12",
                                "outcome=NOT_UPHELD",
                                "non_resident_parent=Y"),
                        // Stage 2, extended: Mon 9 Jan 2023 + 40 working days = Mon 6 March;
                        // answered 1 March.
                        Cms.feedback(
                                "record_id=R09",
                                "case_ref=C07",
                                "stage=2",
                                "received_date=2023-01-09",
                                "themes=ASSESSMENTS_REPORTS",
                                "extension_agreed=Y",
                                "response_date=2023-03-01",
                                "outcome=UPHELD",
                                "remedy_gbp=250.00"),
                        // Thu 14 Apr 2022 + 10: Easter (15, 18 Apr) and 2 May skipped: Tue 3 May;
                        // answered 4 May, late.
                        Cms.feedback(
                                "record_id=R10",
                                "case_ref=C10",
                                "procedure=STATUTORY",
                                "received_date=2022-04-14",
                                "service_area=IFD_ASSESSMENT",
                                "themes=DECISIONS",
                                "response_date=2022-05-04",
                                "outcome=WITHDRAWN",
                                "complainant_role=YOUNG_PERSON",
                                "advocate=NYAS"),
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R11",
                                        "feedback_type=ENQUIRY",
                                        "enquiry_source=COUNCILLOR",
                                        "themes=WORKER_BEHAVIOUR",
                                        "received_date=2022-07-01",
                                        "service_area=FAMILY_SAFEGUARDING")),
                        // The ombudsman looks at case C10 (its stage 1, R10, was answered in May).
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R12",
                                        "case_ref=C10",
                                        "feedback_type=LGO_ENQUIRY",
                                        "received_date=2022-10-03")),
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R13",
                                        "feedback_type=LGO_ENQUIRY",
                                        "received_date=2022-11-01",
                                        "service_area=ADOPTION",
                                        "themes=DECISIONS",
                                        "response_date=2023-02-01",
                                        "outcome=OUTSIDE_REMIT")),
                        Cms.feedback(
                                "record_id=R14",
                                "case_ref=C07",
                                "stage=3",
                                "received_date=2023-03-20"),
                        Cms.feedback(
                                "record_id=R15",
                                "service_area=NOPE"), // quarantined: counts nowhere
                        Cms.feedback(
                                with(
                                        NOT_A_COMPLAINT,
                                        "record_id=R16",
                                        "case_ref=C16",
                                        "feedback_type=CORRESPONDENCE",
                                        "themes=",
                                        "received_date=2022-08-01",
                                        "service_area=FAMILY_SAFEGUARDING")));
        new DropWriter(w.landing, "20230403T020000Z", "FULL", Instant.parse("2023-04-03T02:00:00Z"))
                .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), records)
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action(), // for R1, a record the warehouse does not hold:
                                // UNKNOWN; overdue since 10 July
                                Cms.action(
                                        "action_id=A2",
                                        "record_id=R07",
                                        "owner_team=",
                                        "due_date=",
                                        "agreed_date=2023-01-11"),
                                Cms.action(
                                        "action_id=A3",
                                        "record_id=R07",
                                        "agreed_date=2023-01-11",
                                        "due_date=2023-02-01",
                                        "completed_date=2023-02-10",
                                        "status=DONE"),
                                Cms.action(
                                        "action_id=A4",
                                        "record_id=R09",
                                        "agreed_date=2023-03-01",
                                        "due_date=2023-05-01",
                                        "completed_date=2023-03-15",
                                        "status=DONE"),
                                Cms.action(
                                        "action_id=A5",
                                        "record_id=R07",
                                        "agreed_date=2023-01-11",
                                        "status=CANCELLED"),
                                Cms.action(
                                        "action_id=A6",
                                        "record_id=R02",
                                        "agreed_date=2021-06-15",
                                        "due_date=2021-07-15",
                                        "completed_date=2021-07-01",
                                        "status=DONE")))
                .file(
                        "contacts.csv",
                        Cms.header(CmsContract.CONTACTS),
                        List.of(
                                Cms.contact(), // for R1: UNKNOWN, sent a day early
                                Cms.contact(
                                        "contact_id=K2",
                                        "record_id=R07",
                                        "due_date=2023-01-06",
                                        "sent_date=2023-01-09",
                                        "adjustment_met=N"),
                                Cms.contact(
                                        "contact_id=K3",
                                        "record_id=R07",
                                        "due_date=2023-01-13",
                                        "sent_date=",
                                        "adjustment_met="),
                                Cms.contact(
                                        "contact_id=K4",
                                        "record_id=R07",
                                        "due_date=2023-05-01",
                                        "sent_date=",
                                        "adjustment_met="), // due after the as-at date: not yet
                                // counted
                                Cms.contact(
                                        "contact_id=K5",
                                        "record_id=R07",
                                        "due_date=2023-01-20",
                                        "sent_date=2023-01-20")))
                .write();
        Files.createDirectories(w.landing.resolve("sat"));
        Files.writeString(
                w.landing.resolve("sat/ehcp_monthly.csv"),
                """
                month,requests_received,assessments_agreed,plans_issued,plans_issued_within_20_weeks,plans_maintained
                2022-03,20,15,5,2,100
                2022-04,20,15,10,4,101
                2022-05,20,15,0,0,102
                2022-13,20,15,9,1,103
                2022-06,20,15,10,3,104
                2022-06,20,15,12,3,104
                2022-07,20,15,10,11,105
                """);
        Files.createDirectories(w.landing.resolve("dfe/sen2"));
        Files.writeString(
                w.landing.resolve("dfe/sen2/timeliness_20_week.csv"),
                DFE_TIMELINESS,
                StandardCharsets.UTF_8);
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
        assertThat(outcome.plan().accepted()).containsEntry("feedback_records", 15L);
        assertThat(outcome.plan().quarantined()).containsEntry("feedback_records", 1L);
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.quarantine())
                                .selectExpr("source_table", "file", "line", "record_key", "rule")
                                .collectAsList())
                .extracting(MartsFixtureTest::csv)
                .containsExactlyInAnyOrder(
                        // every fixture row spans two lines (its summary has a line break): R15
                        // starts on line 30
                        "feedback_records,cms/20230403T020000Z/feedback_records.csv,30,R15,code_list:service_area",
                        // SAT: month 13 is no month; June is stated twice; July has more within 20
                        // weeks than issued.
                        "ehcp_monthly,sat/ehcp_monthly.csv,5,2022-13,type:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,6,2022-06,unique:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,7,2022-06,unique:month",
                        "ehcp_monthly,sat/ehcp_monthly.csv,8,2022-07,not_above:plans_issued_within_20_weeks");
    }

    @Test
    void atAGlance() {
        assertThat(rows("SELECT * FROM at_a_glance WHERE value > 0 OR previous_year_value > 0"))
                .containsExactly(
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
        assertThat(rows("SELECT * FROM complaint_outcomes"))
                .containsExactly(
                        "2021-22,STATUTORY,1,IFD_ASSESSMENT,1,1,0,0,0",
                        "2022-23,CORPORATE,1,SAT,2,0,1,1,0",
                        "2022-23,CORPORATE,2,SAT,1,1,0,0,0",
                        "2022-23,STATUTORY,1,IFD_ASSESSMENT,1,0,0,0,1");
    }

    @Test
    void complaintTimeliness() {
        assertThat(rows("SELECT * FROM complaint_timeliness"))
                .containsExactly(
                        "2021-22,STATUTORY,1,IFD_ASSESSMENT,1,0,0",
                        "2022-23,CORPORATE,1,SAT,2,0,1",
                        "2022-23,CORPORATE,2,SAT,1,1,0",
                        "2022-23,STATUTORY,1,IFD_ASSESSMENT,1,0,1");
    }

    @Test
    void complaintThemes() {
        assertThat(rows("SELECT * FROM complaint_themes"))
                .containsExactly(
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
        assertThat(rows("SELECT * FROM lgo_outcomes"))
                .containsExactly(
                        "2021-22,SAT,1,0,0,0,0,0",
                        "2022-23,ADOPTION,1,1,0,0,0,1",
                        "2022-23,SAT,1,1,1,0,0,0");
    }

    @Test
    void satComplaintsVsEhcp() {
        // 2021-22: March 2022's 5 plans, no SAT complaint. 2022-23: April 10 + May 0 (June and July
        // were quarantined); SAT complaints R07, R08, R09, R14.
        assertThat(rows("SELECT * FROM sat_complaints_vs_ehcp"))
                .containsExactly("2021-22,0,5,0.0", "2022-23,4,10,40.0");
    }

    @Test
    void commitmentFollowup() {
        // As at 2023-04-03. A5 is cancelled; A1 belongs to no record the warehouse holds.
        assertThat(rows("SELECT * FROM commitment_followup"))
                .containsExactly(
                        "2021-22,IFD_ASSESSMENT,1,0,0,1,0,0",
                        "2022-23,SAT,3,1,1,2,1,0",
                        "2022-23,UNKNOWN,1,0,0,0,0,1");
    }

    @Test
    void adjustmentsCompliance() {
        assertThat(rows("SELECT * FROM adjustments_compliance"))
                .containsExactly("2022-23,SAT,3,1,1,1,1", "2022-23,UNKNOWN,1,1,0,0,0");
    }

    // ---- the rest of the annual report, the SEND tracker and the team's lists (as at Monday 3
    // April 2023)

    @Test
    void feedbackByQuarter() {
        // Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March; R06 is deleted.
        assertThat(rows("SELECT * FROM feedback_by_quarter WHERE records > 0"))
                .containsExactly(
                        "2021-22,1,2021-04-01,compliments,1",
                        "2021-22,1,2021-04-01,statutory_stage1,1",
                        "2021-22,2,2021-07-01,lgo_enquiries,1",
                        "2021-22,4,2022-01-01,enquiries_mp,1",
                        "2022-23,1,2022-04-01,compliments,1",
                        "2022-23,1,2022-04-01,statutory_stage1,1",
                        "2022-23,2,2022-07-01,correspondence,1",
                        "2022-23,2,2022-07-01,enquiries_councillor,1",
                        "2022-23,3,2022-10-01,corporate_stage1,2",
                        "2022-23,3,2022-10-01,lgo_enquiries,2",
                        "2022-23,4,2023-01-01,corporate_stage2,1",
                        "2022-23,4,2023-01-01,corporate_stage3,1");
        // Two years hold records: 2 × 4 quarters × 16 measures, zero where none.
        assertThat(w.count("SELECT count(*) FROM feedback_by_quarter")).isEqualTo(128);
        assertThat(
                        rows(
                                "SELECT * FROM other_feedback WHERE received > 0 OR previous_year_value > 0"))
                .containsExactly("2022-23,correspondence,1,0");
        assertThat(w.count("SELECT count(*) FROM other_feedback")).isEqualTo(10);
    }

    @Test
    void complaintsSummary() {
        // 2022-23: received R07 R08 R09 R10 R14; concluded R07 (partially) R08 (not) R09 (upheld,
        // extended) R10 (withdrawn); late R08 and R10; R10 by a young person with NYAS, R08 a
        // non-resident parent. 2023-24 (the as-at date's year) holds nothing yet: counts 0, shares
        // null.
        assertThat(rows("SELECT * FROM complaints_summary"))
                .containsExactly(
                        "2021-22,1,0,0,0,0,0,1,1,1.0,0,0.0,0,0.0,0,0.0,1,0,0.0,0,0.0,0,0.0",
                        "2022-23,5,1,1,1,1,1,4,1,0.25,1,0.25,1,0.25,1,0.25,3,0,0.0,1,0.25,2,0.5",
                        "2023-24,0,0,0,0,0,0,0,0,null,0,null,0,null,0,null,0,0,null,0,null,0,null");
        assertThat(rows("SELECT * FROM complainants"))
                .containsExactly(
                        "2021-22,PARENT,1,0,0,0,0,0",
                        "2022-23,PARENT,4,1,0,0,0,0",
                        "2022-23,YOUNG_PERSON,1,0,1,1,0,0");
    }

    @Test
    void complaintsByServiceAreaAndStage() {
        assertThat(
                        rows(
                                "SELECT financial_year, service_area, report_group, procedure, stage, received "
                                        + "FROM complaints_by_service_area"))
                .containsExactly(
                        "2021-22,IFD_ASSESSMENT,Integrated Front Door / Assessment,STATUTORY,1,1",
                        "2022-23,IFD_ASSESSMENT,Integrated Front Door / Assessment,STATUTORY,1,1",
                        "2022-23,SAT,SEND,CORPORATE,1,2",
                        "2022-23,SAT,SEND,CORPORATE,2,1",
                        "2022-23,SAT,SEND,CORPORATE,3,1");
        // R14 (stage 3, 20 March 2023, unanswered) is carried into 2023-24.
        assertThat(
                        rows(
                                "SELECT * FROM complaint_stage_trends WHERE received > 0 OR carried_in > 0"))
                .containsExactly(
                        "2021-22,STATUTORY,1,1,0,1,0,0,0",
                        "2022-23,CORPORATE,1,2,0,2,2,0,2",
                        "2022-23,CORPORATE,2,1,0,1,1,0,1",
                        "2022-23,CORPORATE,3,1,0,1,1,0,1",
                        "2022-23,STATUTORY,1,1,0,1,0,0,0",
                        "2023-24,CORPORATE,3,0,1,1,0,1,1");
        assertThat(w.count("SELECT count(*) FROM complaint_stage_trends")).isEqualTo(18);
        assertThat(rows("SELECT * FROM send_complaints"))
                .containsExactly(
                        "2022-23,CORPORATE,1,SAT,2,2,2,0,1,1",
                        "2022-23,CORPORATE,2,SAT,1,1,1,1,0,0",
                        "2022-23,CORPORATE,3,SAT,1,1,0,0,0,0",
                        "2023-24,CORPORATE,3,SAT,0,1,0,0,0,0");
    }

    @Test
    void responseTimesInWorkingDays() {
        // Working days taken: R02 10; R07 10, R08 11, R09 37 (40 allowed, 3 early), R10 11.
        // 2022-23 sorted 10, 11, 11, 37: median 11; 90th percentile at rank 2.7: 11 + 0.7 × 26 =
        // 29.2.
        assertThat(
                        rows(
                                "SELECT financial_year, breakdown, month, procedure, stage, service_area, responded, extended, "
                                        + "outside_timescale, outside_timescale_share, median_working_days, round(p90_working_days, 6) "
                                        + "FROM complaint_response_times WHERE breakdown IN ('all', 'month')"))
                .containsExactly(
                        "2021-22,all,null,null,null,null,1,0,0,0.0,10.0,10.0",
                        "2021-22,month,2021-06,null,null,null,1,0,0,0.0,10.0,10.0",
                        "2022-23,all,null,null,null,null,4,1,2,0.5,11.0,29.2",
                        "2022-23,month,2022-05,null,null,null,1,0,1,1.0,11.0,11.0",
                        "2022-23,month,2023-01,null,null,null,2,0,1,0.5,10.5,10.9",
                        "2022-23,month,2023-03,null,null,null,1,1,0,0.0,37.0,37.0");
        assertThat(w.sql("SELECT DISTINCT breakdown FROM complaint_response_times"))
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder(
                        "all",
                        "procedure+stage",
                        "service_area",
                        "month",
                        "month+procedure+stage+service_area");
    }

    @Test
    void escalationByCase() {
        // C07 went to stages 2 and 3; C10 went to the ombudsman (R12); C08 and C02 stopped at stage
        // 1.
        assertThat(rows("SELECT * FROM complaint_escalation"))
                .containsExactly(
                        "2021-22,STATUTORY,IFD_ASSESSMENT,1,0,0,0,0.0,0.0,0.0",
                        "2022-23,CORPORATE,SAT,2,1,1,0,0.5,0.5,0.0",
                        "2022-23,STATUTORY,IFD_ASSESSMENT,1,0,0,1,0.0,0.0,1.0");
    }

    @Test
    void ombudsmanCaseloadAndThemes() {
        // R03 received Sept 2021, decided May 2022: open at the end of 2021-22, carried into
        // 2022-23. R12 received Oct 2022, undecided: open at the end of 2022-23, carried into
        // 2023-24. R13 in and out.
        assertThat(rows("SELECT * FROM lgo_caseload"))
                .containsExactly(
                        "2021-22,SAT,0,1,1,0,1",
                        "2022-23,ADOPTION,0,1,1,1,0",
                        "2022-23,SAT,1,1,2,1,1",
                        "2023-24,SAT,1,0,1,0,1");
        assertThat(rows("SELECT * FROM lgo_decisions_by_theme"))
                .containsExactly("2022-23,DECISIONS,1,0,0,0,1,0.5", "2022-23,PLANS,1,1,0,0,0,0.5");
    }

    @Test
    void remediesAndCompliments() {
        assertThat(rows("SELECT * FROM remedy_payments"))
                .containsExactly("2022-23,COMPLAINT,CORPORATE,2,SAT,1,250.00,250.00");
        assertThat(
                        rows(
                                "SELECT financial_year, service_area, send_service, compliments FROM compliments_by_service_area"))
                .containsExactly("2021-22,TARGETED_SUPPORT,false,1", "2022-23,SAT,true,1");
    }

    @Test
    void ehcpMonthByMonth() {
        // No SAT complaint was received in March to May 2022; May issued no plan (shares null);
        // fewer than 12 months are held, so the rolling figures are null.
        assertThat(rows("SELECT * FROM ehcp_monthly_performance"))
                .containsExactly(
                        "2022-03,2021-22,20,15,5,2,0.4,100,0,0.0,null,null,null",
                        "2022-04,2022-23,20,15,10,4,0.4,101,0,0.0,null,null,null",
                        "2022-05,2022-23,20,15,0,0,null,102,0,null,null,null,null");
    }

    @Test
    void dfeStatisticsAsPublishedAgainstEnglandTheRegionAndEveryCouncil() {
        // Suffolk's figures are suppressed (c): null with the marker, unranked; the breakdown row
        // is ignored.
        assertThat(
                        rows(
                                "SELECT calendar_year, measure, la_name, is_council, value, marker, region_value, england_value, "
                                        + "rank, councils_ranked FROM ehcp_benchmark WHERE measure IN ('plans_issued', 'share_within_20_weeks')"))
                .containsExactly(
                        "2022,plans_issued,Cambridgeshire,true,1094.0,null,6245.0,65512.0,1,2",
                        "2022,plans_issued,Norfolk,false,900.0,null,6245.0,65512.0,2,2",
                        "2022,plans_issued,Suffolk,false,null,c,6245.0,65512.0,null,2",
                        "2022,share_within_20_weeks,Cambridgeshire,true,0.367,null,0.308,0.477,2,2",
                        "2022,share_within_20_weeks,Norfolk,false,0.556,null,0.308,0.477,1,2",
                        "2022,share_within_20_weeks,Suffolk,false,null,c,0.308,0.477,null,2");
        // Only the timeliness file was delivered: its four measures, nothing else.
        assertThat(w.sql("SELECT DISTINCT measure FROM ehcp_benchmark"))
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder(
                        "plans_issued",
                        "plans_issued_within_20_weeks",
                        "share_within_20_weeks",
                        "share_within_20_weeks_excluding_exceptions");
    }

    @Test
    void theComplaintsTeamsListsNameCasesOnlyByPseudonym() {
        // R14: Mon 20 March 2023 + 20 working days (Good Friday and Easter Monday skipped) = Wed 19
        // April; from Mon 3 April that is 10 working days; due after this week.
        assertThat(
                        rows(
                                "SELECT procedure, stage, service_area, received_date, extension_agreed, target_working_days, "
                                        + "deadline, working_days_left, due, days_open FROM complaint_worklist"))
                .containsExactly("CORPORATE,3,SAT,2023-03-20,null,20,2023-04-19,10,DUE_LATER,14");
        // A2 (R07's case, C07): no owner, no date. A1: overdue since 10 July 2022, agreed 297 days
        // ago.
        assertThat(
                        rows(
                                "SELECT service_area, kind, owner_team, agreed_date, due_date, age_days, days_overdue, overdue, "
                                        + "without_owner, without_due_date FROM commitments_outstanding"))
                .containsExactly(
                        "SAT,ASSESSMENT,null,2023-01-11,null,82,0,false,true,true",
                        "UNKNOWN,ASSESSMENT,sat North,2022-06-10,2022-07-10,297,267,true,false,false");
        // C07: K2 late and not in the agreed form, K3 never sent, K5 on time (K4 not yet due):
        // missed twice.
        assertThat(
                        rows(
                                "SELECT service_area, adjustments, updates_due, sent_on_time, sent_late, not_sent, "
                                        + "adjustment_not_met, misses, last_missed_due_date, repeated_misses FROM adjustments_by_complainant"))
                .containsExactly(
                        "SAT,WEEKLY_UPDATE,3,1,1,1,1,2,2023-01-13,true",
                        "UNKNOWN,WEEKLY_UPDATE,1,1,0,0,0,0,null,false");
        String c07 = w.sql("SELECT case_reference FROM complaint_worklist").get(0).getString(0);
        assertThat(c07).matches("P[0-9A-F]{12}");
        assertThat(
                        w.sql(
                                        "SELECT case_reference FROM commitments_outstanding WHERE without_owner")
                                .get(0)
                                .getString(0))
                .isEqualTo(c07);
        assertThat(
                        w.sql(
                                        "SELECT complainant_reference FROM adjustments_by_complainant WHERE repeated_misses")
                                .get(0)
                                .getString(0))
                .isEqualTo(c07);
        assertThat(
                        w.sql("SELECT case_reference FROM commitments_outstanding WHERE overdue")
                                .get(0)
                                .getString(0))
                .matches("P[0-9A-F]{12}")
                .isNotEqualTo(c07);
        // No CMS reference reaches these lists.
        for (String list :
                List.of(
                        "complaint_worklist",
                        "commitments_outstanding",
                        "adjustments_by_complainant")) {
            assertThat(
                            w.count(
                                    "SELECT count(*) FROM (SELECT to_json(struct(*)) AS j FROM "
                                            + list
                                            + ") "
                                            + "WHERE j RLIKE '\\b(C07|C1|R07|R1|A1|A2|K[0-9])\\b'"))
                    .as(list)
                    .isZero();
        }
    }

    @Test
    void everyPublishedMartHasItsDefinitionAndEveryColumnItsMeaning() throws Exception {
        var spark = TestSpark.session();
        var published =
                new Publication(w.layout, spark.sparkContext().hadoopConfiguration())
                        .current()
                        .orElseThrow();
        DataDictionary dictionary = DataDictionary.of(spark, w.layout, published);
        assertThat(dictionary.entries())
                .extracting(DataDictionary.Entry::mart)
                .containsExactlyElementsOf(MartCatalog.MARTS);
        assertThat(dictionary.entries())
                .allSatisfy(
                        e -> {
                            assertThat(e.undocumented(dictionary.shared()))
                                    .as(e.mart() + " undocumented")
                                    .isEmpty();
                            assertThat(e.documentedButAbsent())
                                    .as(e.mart() + " documented but absent")
                                    .isEmpty();
                        });
        assertThat(dictionary.entries())
                .filteredOn(e -> e.definition().contract() != null)
                .extracting(DataDictionary.Entry::mart)
                .containsExactlyElementsOf(MartCatalog.CONTRACT_MARTS);
        String written =
                Files.readString(Path.of(w.layout.root(), "published", "data-dictionary.md"));
        assertThat(written)
                .contains("## complaint_worklist", "| working_days_left | whole number |")
                .doesNotContain("undocumented");
    }

    @Test
    void countColumnsAreWholeNumbersNeverNull() {
        assertThat(w.sql("SELECT * FROM complaint_outcomes").get(0).schema().fields())
                .filteredOn(
                        f ->
                                !List.of("financial_year", "procedure", "service_area")
                                        .contains(f.name()))
                .allSatisfy(f -> assertThat(f.dataType().typeName()).isIn("long", "integer"));
        assertThat(
                        w.count(
                                "SELECT count(*) FROM lgo_outcomes WHERE received IS NULL OR decided IS NULL"))
                .isZero();
    }

    @Test
    void noPersonalDataLeavesTheRawLayer() {
        var spark = TestSpark.session();
        for (String table : List.of("feedback_records", "actions", "contacts")) {
            var conformed = spark.read().format("delta").load(w.layout.conformed(table));
            assertThat(conformed.columns())
                    .doesNotContain(
                            "complainant_name",
                            "complainant_email",
                            "child_name",
                            "summary",
                            "description");
            assertThat(
                            conformed
                                    .selectExpr("to_json(struct(*)) AS j")
                                    .where("j RLIKE 'Alex Example|Free text|OT assessment'")
                                    .count())
                    .isZero();
        }
        assertThat(
                        spark.read()
                                .format("delta")
                                .load(w.layout.quarantine())
                                .selectExpr("to_json(struct(*)) AS j")
                                .where("j RLIKE 'Alex Example|Free text'")
                                .count())
                .isZero();
        assertThat(
                        spark.read()
                                .format("delta")
                                .load(w.layout.raw("feedback_records"))
                                .where("complainant_name = 'Alex Example'")
                                .count())
                .isEqualTo(16);
    }

    @Test
    void aDeletedRecordKeepsOnlyItsKeyInTheConformedLayer() {
        Row r06 =
                TestSpark.session()
                        .read()
                        .format("delta")
                        .load(w.layout.conformed("feedback_records"))
                        .where("record_id = 'R06'")
                        .head();
        assertThat(r06.<Boolean>getAs("is_deleted")).isTrue();
        assertThat(r06.<Object>getAs("feedback_type")).isNull();
        assertThat(r06.<Object>getAs("received_date")).isNull();
    }
}
