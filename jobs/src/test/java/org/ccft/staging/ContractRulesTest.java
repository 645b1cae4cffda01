package org.ccft.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.RowRules;
import org.ccft.raw.CmsCsvParser;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the contract, compiled to Spark SQL and run on real rows: each case is a row, and
 * all cases of a file are checked together, as one drop (one Deequ run per file, not per case).
 */
class ContractRulesTest {

    static final Date AS_OF = Date.valueOf("2023-04-01");

    static Stream<Arguments> feedbackCases() {
        return Stream.of(
                Arguments.of("a good complaint", new String[] {}, List.of()),
                Arguments.of(
                        "a good compliment",
                        new String[] {
                            "feedback_type=COMPLIMENT",
                            "procedure=",
                            "stage=",
                            "themes=",
                            "complainant_role="
                        },
                        List.of()),
                Arguments.of(
                        "a good MP enquiry",
                        new String[] {
                            "feedback_type=ENQUIRY",
                            "enquiry_source=MP",
                            "procedure=",
                            "stage=",
                            "complainant_role="
                        },
                        List.of()),
                Arguments.of(
                        "an ombudsman decision outside remit",
                        new String[] {
                            "feedback_type=LGO_ENQUIRY",
                            "procedure=",
                            "stage=",
                            "complainant_role=",
                            "response_date=2022-09-01",
                            "outcome=OUTSIDE_REMIT"
                        },
                        List.of()),
                Arguments.of("no key", new String[] {"record_id="}, List.of("required:record_id")),
                Arguments.of(
                        "no case_ref", new String[] {"case_ref="}, List.of("required:case_ref")),
                Arguments.of(
                        "unknown feedback type",
                        new String[] {"feedback_type=PRAISE"},
                        // not a complaint, so its procedure and stage must be empty too
                        List.of(
                                "code_list:feedback_type",
                                "must_be_empty:procedure",
                                "must_be_empty:stage")),
                Arguments.of(
                        "enquiry without source",
                        new String[] {
                            "feedback_type=ENQUIRY", "procedure=", "stage=", "complainant_role="
                        },
                        List.of("required_when:enquiry_source")),
                Arguments.of(
                        "complaint with an enquiry source",
                        new String[] {"enquiry_source=MP"},
                        List.of("must_be_empty:enquiry_source")),
                Arguments.of(
                        "complaint without procedure",
                        new String[] {"procedure="},
                        List.of("required_when:procedure")),
                Arguments.of(
                        "compliment with a stage",
                        new String[] {
                            "feedback_type=COMPLIMENT", "procedure=", "themes=", "complainant_role="
                        },
                        List.of("must_be_empty:stage")),
                Arguments.of("stage 4", new String[] {"stage=4"}, List.of("code_list:stage")),
                Arguments.of(
                        "stage not a number",
                        new String[] {"stage=one"},
                        List.of("type:stage", "code_list:stage")),
                Arguments.of(
                        "date as dd/mm/yyyy",
                        new String[] {"received_date=13/02/2023"},
                        List.of("type:received_date")),
                Arguments.of(
                        "impossible date",
                        new String[] {"received_date=2023-02-30"},
                        List.of("type:received_date")),
                Arguments.of(
                        "received in the future",
                        new String[] {"received_date=2023-04-02"},
                        List.of("future_date:received_date")),
                Arguments.of(
                        "no received date",
                        new String[] {"received_date="},
                        List.of("required:received_date")),
                Arguments.of(
                        "service area not on the list",
                        new String[] {"service_area=SEND"},
                        List.of("code_list:service_area")),
                Arguments.of(
                        "complaint without themes",
                        new String[] {"themes="},
                        List.of("required_when:themes")),
                Arguments.of(
                        "a theme not on the list",
                        new String[] {"themes=PLANS|NOPE"},
                        List.of("code_list:themes")),
                Arguments.of(
                        "complaint without complainant role",
                        new String[] {"complainant_role="},
                        List.of("required_when:complainant_role")),
                Arguments.of(
                        "unknown complainant role",
                        new String[] {"complainant_role=CHILD"},
                        List.of("code_list:complainant_role")),
                Arguments.of(
                        "flag as Yes",
                        new String[] {"non_resident_parent=Yes"},
                        List.of("type:non_resident_parent")),
                Arguments.of(
                        "unknown advocate",
                        new String[] {"advocate=MUM"},
                        List.of("code_list:advocate")),
                Arguments.of(
                        "response before receipt",
                        new String[] {"response_date=2022-05-01", "outcome=UPHELD"},
                        List.of("date_order:response_date")),
                Arguments.of(
                        "response in the future",
                        new String[] {"response_date=2023-05-01", "outcome=UPHELD"},
                        List.of("future_date:response_date")),
                Arguments.of(
                        "responded without outcome",
                        new String[] {"response_date=2022-06-10"},
                        List.of("required_when:outcome")),
                Arguments.of(
                        "complaint outside remit",
                        new String[] {"response_date=2022-06-10", "outcome=OUTSIDE_REMIT"},
                        List.of("not_allowed:outcome=OUTSIDE_REMIT")),
                Arguments.of(
                        "money with a symbol",
                        new String[] {"remedy_gbp=£100.00"},
                        List.of("type:remedy_gbp")),
                Arguments.of(
                        "money without pence",
                        new String[] {"remedy_gbp=100"},
                        List.of("type:remedy_gbp")),
                Arguments.of(
                        "unknown adjustment",
                        new String[] {"reasonable_adjustments=LARGE_PRINT|BIG_FONT"},
                        List.of("code_list:reasonable_adjustments")),
                Arguments.of(
                        "unknown status",
                        new String[] {"status=DONE"},
                        List.of("code_list:status")),
                Arguments.of(
                        "timestamp without offset",
                        new String[] {"last_modified=2022-06-01T09:00:00"},
                        List.of("type:last_modified")),
                Arguments.of(
                        "timestamp as a date",
                        new String[] {"last_modified=2022-06-01"},
                        List.of("type:last_modified")),
                Arguments.of(
                        "no deletion flag",
                        new String[] {"is_deleted="},
                        List.of("required:is_deleted")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedbackCases")
    void feedbackRecordRules(String name, String[] overrides, List<String> expected)
            throws Exception {
        assertThat(violationsOfCase(CmsContract.FEEDBACK_RECORDS, name))
                .as(name)
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> actionAndContactCases() {
        return Stream.of(
                Arguments.of("a good action", CmsContract.ACTIONS, Cms.action(), List.of()),
                Arguments.of(
                        "action without owner or due date: a finding, not an error",
                        CmsContract.ACTIONS,
                        Cms.action("owner_team=", "due_date="),
                        List.of()),
                Arguments.of(
                        "action without agreed date",
                        CmsContract.ACTIONS,
                        Cms.action("agreed_date="),
                        List.of("required:agreed_date")),
                Arguments.of(
                        "unknown action kind",
                        CmsContract.ACTIONS,
                        Cms.action("kind=BRIBE"),
                        List.of("code_list:kind")),
                Arguments.of(
                        "completed in the future",
                        CmsContract.ACTIONS,
                        Cms.action("completed_date=2024-01-01"),
                        List.of("future_date:completed_date")),
                Arguments.of("a good contact", CmsContract.CONTACTS, Cms.contact(), List.of()),
                Arguments.of(
                        "contact without record",
                        CmsContract.CONTACTS,
                        Cms.contact("record_id="),
                        List.of("required:record_id")),
                Arguments.of(
                        "unknown adjustment",
                        CmsContract.CONTACTS,
                        Cms.contact("adjustment=HUG"),
                        List.of("code_list:adjustment")),
                Arguments.of(
                        "adjustment met as maybe",
                        CmsContract.CONTACTS,
                        Cms.contact("adjustment_met=maybe"),
                        List.of("type:adjustment_met")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionAndContactCases")
    void actionAndContactRules(
            String name, FileContract file, List<String> row, List<String> expected)
            throws Exception {
        assertThat(violationsOfCase(file, name)).as(name).containsExactlyElementsOf(expected);
    }

    @Test
    void aRowTheParserCouldNotReadBreaksTheFormatRule() throws Exception {
        String csv = String.join(",", CmsContract.CONTACTS.columnNames()) + "\nK1,R1\n";
        assertThat(violations(CmsContract.CONTACTS, csv))
                .singleElement()
                .asList()
                .contains("csv_format:field_count");
    }

    /**
     * Each case's violations, by file and case name: found once for all cases, as a drop of many
     * rows.
     */
    private static Map<String, List<String>> found;

    static synchronized List<String> violationsOfCase(FileContract file, String name)
            throws Exception {
        if (found == null) {
            Map<FileContract, List<String>> names = new LinkedHashMap<>();
            Map<FileContract, List<List<String>>> rows = new LinkedHashMap<>();
            feedbackCases()
                    .map(Arguments::get)
                    .forEach(
                            a -> {
                                names.computeIfAbsent(
                                                CmsContract.FEEDBACK_RECORDS,
                                                f -> new ArrayList<>())
                                        .add((String) a[0]);
                                rows.computeIfAbsent(
                                                CmsContract.FEEDBACK_RECORDS,
                                                f -> new ArrayList<>())
                                        .add(Cms.feedback((String[]) a[1]));
                            });
            actionAndContactCases()
                    .map(Arguments::get)
                    .forEach(
                            a -> {
                                names.computeIfAbsent((FileContract) a[1], f -> new ArrayList<>())
                                        .add((String) a[0]);
                                @SuppressWarnings("unchecked")
                                List<String> row = (List<String>) a[2];
                                rows.computeIfAbsent((FileContract) a[1], f -> new ArrayList<>())
                                        .add(row);
                            });
            Map<String, List<String>> all = new HashMap<>();
            for (FileContract f : names.keySet()) {
                List<List<String>> perRow = violations(f, rows.get(f));
                for (int i = 0; i < perRow.size(); i++) {
                    all.put(f.table() + ":" + names.get(f).get(i), perRow.get(i));
                }
            }
            found = all;
        }
        return found.get(file.table() + ":" + name);
    }

    /** Each row's violations, in row order: the rows as one drop's file, checked in one run. */
    static List<List<String>> violations(FileContract file, List<List<String>> rows)
            throws Exception {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            p.printRecord(file.columnNames());
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        }
        List<List<String>> perRow = violations(file, csv.toString());
        assertThat(perRow).as("a result for every row").hasSize(rows.size());
        return perRow;
    }

    static List<List<String>> violations(FileContract file, String csv) throws Exception {
        SparkSession spark = TestSpark.session();
        CmsCsvParser parser = new CmsCsvParser(file);
        List<Row> rows =
                parser.parse(
                        "E1",
                        "cms/E1/" + file.file(),
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        Dataset<Row> raw =
                spark.createDataFrame(rows, parser.rawSchema())
                        .withColumn("_as_of_date", functions.lit(AS_OF))
                        .withColumn("_versions_in_drop", functions.lit(1));
        ContractRules rules = new ContractRules(file, ContractRules.referenceCodeLists());
        // as the nightly job runs them: Deequ checks, one per rule, with row-level results
        try (RowRules.Result checked =
                new RowRules(QualityPolicy.defaults(), null)
                        .check(file.table(), raw, rules.rules(), 1)) {
            return checked
                    .rows()
                    .orderBy("line")
                    .selectExpr(RowRules.VIOLATIONS)
                    .collectAsList()
                    .stream()
                    .map(r -> r.<String>getList(0))
                    .toList();
        }
    }
}
