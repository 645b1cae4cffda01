package org.ccft.operations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.ExportId;
import org.ccft.landing.LandingArea;
import org.ccft.landing.LedgerEntry;
import org.ccft.landing.LoadLedger;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long personal data is kept, applied by {@code ccft maintain}: the raw rows of a case closed
 * (every stage closed, withdrawn or deleted) and unchanged for {@code closedCaseYears}, with its
 * actions and contacts; and the landing folders of drops the ledger settled (loaded or refused)
 * more than {@code landingDropMonths} ago. A case under the legal hold (a record in a held service
 * area or of a held feedback type) is kept whatever its age. The conformed layer keeps its rows (no
 * personal data: the figures of past years stay). Rows removed from raw leave storage when the
 * vacuum that follows passes its retention: their files are history then, as Delta keeps it for
 * time travel.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /**
     * The rules: 0 keeps for ever. A case with a record in one of the held service areas or of one
     * of the held feedback types (child protection: the council's legal hold) is never removed.
     */
    public record Policy(
            int closedCaseYears,
            int landingDropMonths,
            List<String> heldServiceAreas,
            List<String> heldFeedbackTypes) {
        public Policy {
            heldServiceAreas = List.copyOf(heldServiceAreas);
            heldFeedbackTypes = List.copyOf(heldFeedbackTypes);
        }
    }

    /** One rule's outcome: what it removed, older than when. */
    public record Result(String rule, String cutoff, long removed) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public Retention(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public List<Result> apply(Policy policy, LandingArea landing, LocalDate today) {
        List<Result> results = new ArrayList<>();
        if (policy.closedCaseYears() > 0) {
            LocalDate cutoff = today.minusYears(policy.closedCaseYears());
            results.addAll(
                    closedCases(
                            Timestamp.from(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant()),
                            cutoff,
                            policy));
        }
        if (policy.landingDropMonths() > 0 && landing != null) {
            LocalDate cutoff = today.minusMonths(policy.landingDropMonths());
            results.add(
                    new Result(
                            "landing drops settled before",
                            cutoff.toString(),
                            landingDrops(
                                    landing, cutoff.atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        results.forEach(
                r -> LOG.info("retention: {} {}: {} removed", r.rule(), r.cutoff(), r.removed()));
        return results;
    }

    /** Deletes the raw rows of the cases closed before the cutoff; one result per raw table. */
    private List<Result> closedCases(Timestamp cutoff, LocalDate day, Policy policy) {
        String feedback = layout.raw(CmsContract.FEEDBACK_RECORDS.table());
        if (!DeltaTables.exists(spark, feedback)) {
            return List.of();
        }
        // Each record's latest row as raw holds it; a case is closed when every record's latest row
        // is.
        Dataset<Row> latest =
                DeltaTables.read(spark, feedback)
                        .withColumn("_at", expr("to_timestamp(last_modified)"))
                        .withColumn(
                                "_rn",
                                expr(
                                        "row_number() OVER (PARTITION BY record_id "
                                                + "ORDER BY to_timestamp(last_modified) DESC NULLS LAST, export_id DESC, line DESC)"))
                        .where(col("_rn").equalTo(1));
        // Held: any row, of any version, in a held service area or of a held type.
        Dataset<Row> held =
                DeltaTables.read(spark, feedback)
                        .where(
                                col("service_area")
                                        .isin(policy.heldServiceAreas().toArray())
                                        .or(
                                                col("feedback_type")
                                                        .isin(
                                                                policy.heldFeedbackTypes()
                                                                        .toArray())))
                        .select(col("case_ref").as("_held_case"))
                        .distinct();
        Dataset<Row> closedCases =
                latest.groupBy("case_ref")
                        .agg(
                                expr(
                                        "bool_and(is_deleted = 'Y' OR status IN ('CLOSED', 'WITHDRAWN')) AS _closed"),
                                expr("max(_at) AS _last"),
                                expr("count_if(_at IS NULL) AS _undated"))
                        .where(
                                col("_closed")
                                        .and(col("_last").lt(lit(cutoff)))
                                        .and(col("_undated").equalTo(0))
                                        .and(col("case_ref").isNotNull()))
                        .join(held, col("case_ref").equalTo(col("_held_case")), "left_anti")
                        .select(col("case_ref").as("_case"))
                        .cache();
        Dataset<Row> records =
                DeltaTables.read(spark, feedback)
                        .join(closedCases, col("case_ref").equalTo(col("_case")))
                        .select(col("record_id").as("_record"))
                        .distinct()
                        .cache();
        List<Result> results = new ArrayList<>();
        try {
            // The records' actions and contacts first: the records are found through the rows
            // deleted last.
            records.count();
            List<Result> children = new ArrayList<>();
            for (FileContract child : List.of(CmsContract.ACTIONS, CmsContract.CONTACTS)) {
                String path = layout.raw(child.table());
                if (DeltaTables.exists(spark, path)) {
                    children.add(
                            new Result(
                                    "raw " + child.table() + " rows of cases closed before",
                                    day.toString(),
                                    deleteMatching(
                                            path,
                                            records,
                                            col("t.record_id").equalTo(col("s._record")))));
                }
            }
            results.add(
                    new Result(
                            "raw "
                                    + CmsContract.FEEDBACK_RECORDS.table()
                                    + " rows of cases closed before",
                            day.toString(),
                            deleteMatching(
                                    feedback,
                                    closedCases,
                                    col("t.case_ref").equalTo(col("s._case")))));
            results.addAll(children);
        } finally {
            closedCases.unpersist();
            records.unpersist();
        }
        return results;
    }

    /** MERGE … WHEN MATCHED THEN DELETE: set-based, one commit; returns the rows deleted. */
    private long deleteMatching(String path, Dataset<Row> keys, Column on) {
        long before = DeltaTables.latestVersion(spark, path);
        DeltaTable.forPath(spark, path)
                .as("t")
                .merge(keys.as("s"), on)
                .whenMatched()
                .delete()
                .execute();
        return DeltaTables.operationMetric(spark, path, before, "numTargetRowsDeleted");
    }

    /** Removes the landing folders of drops the ledger settled before the cutoff. */
    private long landingDrops(LandingArea landing, Instant cutoff) {
        long removed = 0;
        for (LedgerEntry e : new LoadLedger(spark, layout).entries()) {
            if (!ExportId.isValid(e.exportId())
                    || e.extractedAt() == null
                    || !Instant.parse(e.extractedAt()).isBefore(cutoff)) {
                continue; // a folder refused for its name was never read, and is the CMS's to
                // remove
            }
            Path folder = new Path(landing.cmsFolder() + "/" + e.exportId());
            try {
                FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (fs.exists(folder) && fs.delete(folder, true)) {
                    removed++;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot remove " + folder, ex);
            }
        }
        return removed;
    }
}
