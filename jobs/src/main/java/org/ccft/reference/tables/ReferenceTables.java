package org.ccft.reference.tables;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.reference.BankHolidays;
import org.ccft.reference.ComplaintCode;
import org.ccft.reference.ComplaintTimescale;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.SpcEvent;
import org.ccft.reference.SpcMeasure;
import org.ccft.reference.Theme;

/**
 * Writes the warehouse's own reference data (versioned files in the repo) as Delta tables on every
 * run, so the marts join to exactly the reference data of the code that built them. {@code
 * working_days} holds every date the bank-holiday feed covers, whether it is a working day, and the
 * running count of working days up to it: a deadline is then one equi-join.
 */
public final class ReferenceTables {

    /**
     * A reference table: its rows, and a print of what they were made from (unchanged, it is not
     * rewritten).
     */
    public record Table(String name, Dataset<Row> rows, String fingerprint) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final LocalDate codeFrom;

    /** With the Complaint Handling Code applied from the reference file's date. */
    public ReferenceTables(SparkSession spark, WarehouseLayout layout) {
        this(spark, layout, null);
    }

    /**
     * @param codeFrom the date the Complaint Handling Code applies from, for this council (null:
     *     the reference file's, 1 April 2026)
     */
    public ReferenceTables(SparkSession spark, WarehouseLayout layout, LocalDate codeFrom) {
        this.spark = spark;
        this.layout = layout;
        this.codeFrom = codeFrom;
    }

    /**
     * Writes each reference table, unless it holds these rows already (so the marts reading it stay
     * as they are).
     */
    public void write() {
        tables(spark, BankHolidays.england(), codeFrom)
                .forEach(
                        t ->
                                DeltaTables.overwriteUnlessUnchanged(
                                        t.rows(), layout.reference(t.name()), t.fingerprint()));
    }

    /**
     * The reference tables, made from the versioned files, by name (what {@link #write()} writes).
     */
    public static List<Table> tables(SparkSession spark, BankHolidays holidays) {
        return tables(spark, holidays, null);
    }

    /** The reference tables, the Code applied from {@code codeFrom} (null: the file's date). */
    public static List<Table> tables(
            SparkSession spark, BankHolidays holidays, LocalDate codeFrom) {
        List<Table> tables = new ArrayList<>();
        tables.add(
                table(
                        spark,
                        "service_areas",
                        "code STRING, name STRING, send_service BOOLEAN, report_group STRING",
                        ServiceArea.all().stream()
                                .map(
                                        a ->
                                                RowFactory.create(
                                                        a.code(),
                                                        a.name(),
                                                        a.sendService(),
                                                        a.reportGroup()))
                                .toList()));
        tables.add(
                table(
                        spark,
                        "themes",
                        "code STRING, name STRING",
                        Theme.all().stream()
                                .map(t -> RowFactory.create(t.code(), t.name()))
                                .toList()));
        tables.add(
                table(
                        spark,
                        "complaint_timescales",
                        "procedure STRING, stage INT, target_working_days INT, "
                                + "extended_working_days INT, valid_from DATE, valid_to DATE",
                        ComplaintTimescale.all().stream()
                                .map(
                                        t ->
                                                RowFactory.create(
                                                        t.procedure(),
                                                        t.stage(),
                                                        t.targetWorkingDays(),
                                                        t.extendedWorkingDays(),
                                                        Date.valueOf(t.validFrom()),
                                                        t.validTo() == null
                                                                ? null
                                                                : Date.valueOf(t.validTo())))
                                .toList()));
        tables.add(
                table(
                        spark,
                        "complaint_code",
                        "procedure STRING, stage INT, acknowledge_working_days INT, "
                                + "respond_working_days INT, respond_from STRING, "
                                + "extension_working_days INT, valid_from DATE, valid_to DATE",
                        ComplaintCode.appliedFrom(codeFrom).stream()
                                .map(
                                        c ->
                                                RowFactory.create(
                                                        c.procedure(),
                                                        c.stage(),
                                                        c.acknowledgeWorkingDays(),
                                                        c.respondWorkingDays(),
                                                        c.respondFrom(),
                                                        c.extensionWorkingDays(),
                                                        Date.valueOf(c.validFrom()),
                                                        c.validTo() == null
                                                                ? null
                                                                : Date.valueOf(c.validTo())))
                                .toList()));
        tables.add(
                table(
                        spark,
                        "spc_measures",
                        "measure STRING, name STRING, unit STRING, improvement STRING, chart STRING, "
                                + "scale DOUBLE, target DOUBLE, shift_points INT, trend_points INT, "
                                + "near_points INT, near_window INT",
                        SpcMeasure.all().stream()
                                .map(
                                        m ->
                                                RowFactory.create(
                                                        m.measure(),
                                                        m.name(),
                                                        m.unit(),
                                                        m.improvement(),
                                                        m.chart(),
                                                        m.scale(),
                                                        m.target(),
                                                        m.shiftPoints(),
                                                        m.trendPoints(),
                                                        m.nearPoints(),
                                                        m.nearWindow()))
                                .toList()));
        tables.add(
                table(
                        spark,
                        "spc_events",
                        "measure STRING, month STRING, event STRING, rebase BOOLEAN",
                        SpcEvent.all().stream()
                                .map(
                                        e ->
                                                RowFactory.create(
                                                        e.measure(),
                                                        e.month(),
                                                        e.event(),
                                                        e.rebase()))
                                .toList()));
        tables.add(workingDays(spark, holidays));
        return tables;
    }

    private static Table table(SparkSession spark, String name, String ddl, List<Row> rows) {
        return new Table(
                name,
                spark.createDataFrame(rows, StructType.fromDDL(ddl)),
                Fingerprint.of(ddl, rows.toString()));
    }

    static Table workingDays(SparkSession spark, BankHolidays holidays) {
        List<Date> dates = holidays.dates().stream().map(Date::valueOf).toList();
        spark.createDataset(dates, Encoders.DATE())
                .toDF("date")
                .createOrReplaceTempView("bank_holidays");
        return new Table(
                "working_days",
                spark.sql(
                        """
                WITH days AS (
                  SELECT explode(sequence(DATE'%d-01-01', DATE'%d-12-31', INTERVAL 1 DAY)) AS date
                ),
                flagged AS (
                  SELECT d.date,
                         dayofweek(d.date) NOT IN (1, 7) AND h.date IS NULL AS is_working_day,
                         h.date IS NOT NULL AS is_bank_holiday
                  FROM days d LEFT JOIN bank_holidays h ON h.date = d.date
                )
                SELECT date, is_working_day, is_bank_holiday,
                       sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) OVER (ORDER BY date) AS working_day_seq
                FROM flagged
                """
                                .formatted(holidays.firstYear(), holidays.lastYear())),
                Fingerprint.of("working_days v1", dates.toString()));
    }
}
