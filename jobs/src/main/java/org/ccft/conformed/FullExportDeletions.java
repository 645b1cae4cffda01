package org.ccft.conformed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.Severity;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * Before a FULL export is merged: how many of the records the warehouse holds live it would delete
 * (those last changed before its extracted_at that it omits). A FULL export that would delete more
 * than the configured share of a table's live records (and at least a floor of them) is a critical
 * check, by default: the run stops before anything is merged and yesterday's marts stay. An
 * operator who knows the deletions are real accepts them for one run with {@code --severity
 * full_export_deletions=warning}, which the run records.
 */
public final class FullExportDeletions {

    public static final String CHECK = "full_export_deletions";

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final double maxShare;
    private final long floor;

    /**
     * @param maxShare the share of a table's live records a FULL export may delete
     * @param floor deletions of fewer records than this never break the check (a small table's
     *     normal churn)
     */
    public FullExportDeletions(
            SparkSession spark, WarehouseLayout layout, double maxShare, long floor) {
        this.spark = spark;
        this.layout = layout;
        this.maxShare = maxShare;
        this.floor = floor;
    }

    /**
     * One outcome per table and FULL export of tonight's drops (none when tonight has no FULL
     * export).
     */
    public List<CheckOutcome> check(List<Drop> tonight, QualityPolicy policy) {
        Severity severity = policy.severity(CHECK, Severity.CRITICAL);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (Drop full : tonight.stream().filter(Drop::isFull).toList()) {
            for (FileContract contract : CmsContract.CMS_FILES) {
                String conformed = layout.conformed(contract.table());
                if (severity == Severity.OFF || !DeltaTables.exists(spark, conformed)) {
                    continue; // a first load deletes nothing
                }
                outcomes.add(outcome(full, contract, severity, conformed));
            }
        }
        return outcomes;
    }

    private CheckOutcome outcome(
            Drop full, FileContract contract, Severity severity, String conformed) {
        String key = contract.key();
        Dataset<Row> held =
                DeltaTables.read(spark, layout.raw(contract.table()))
                        .where(
                                col("export_id")
                                        .equalTo(lit(full.exportId()))
                                        .and(col(key).isNotNull()))
                        .select(col(key).as("_held_key"))
                        .distinct();
        Row counted =
                DeltaTables.read(spark, conformed)
                        .where(
                                col("is_deleted")
                                        .equalTo(lit(false))
                                        .and(
                                                col("last_modified")
                                                        .lt(
                                                                lit(
                                                                        Timestamp.from(
                                                                                full
                                                                                        .extractedAt())))))
                        .select(col(key))
                        .join(held, col(key).equalTo(col("_held_key")), "left")
                        .agg(count(lit(1)), sum(when(col("_held_key").isNull(), 1).otherwise(0)))
                        .first();
        long live = counted.getLong(0);
        long omitted = counted.isNullAt(1) ? 0 : counted.getLong(1);
        double share = live == 0 ? 0 : (double) omitted / live;
        boolean broken = share > maxShare && omitted >= floor;
        String figures =
                String.format(
                        Locale.ROOT,
                        "FULL export %s omits %d of the %d live %s records last changed before its extraction (%.1f%%; "
                                + "the limit is %.1f%%)%s",
                        full.exportId(),
                        omitted,
                        live,
                        contract.table(),
                        100 * share,
                        100 * maxShare,
                        broken && severity == Severity.CRITICAL
                                ? ": nothing is merged; if the deletions are real, accept them for one run with "
                                        + "--severity "
                                        + CHECK
                                        + "=warning"
                                : "");
        return new CheckOutcome(
                "drops",
                "conformed",
                CHECK,
                contract.table(),
                severity,
                CheckOutcome.statusFor(severity, broken),
                share,
                omitted,
                figures,
                List.of(full.exportId()),
                full.fileLabel("manifest.json"),
                null);
    }
}
