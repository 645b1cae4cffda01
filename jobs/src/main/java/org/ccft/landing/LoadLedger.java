package org.ccft.landing;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/** The Delta table that says which drops were loaded, and which were refused and why. */
public final class LoadLedger {

    static final StructType SCHEMA =
            new StructType()
                    .add("export_id", DataTypes.StringType, false)
                    .add("export_type", DataTypes.StringType, true)
                    .add("extracted_at", DataTypes.TimestampType, true)
                    .add("manifest_sha256", DataTypes.StringType, true)
                    .add("status", DataTypes.StringType, false)
                    .add("reason", DataTypes.StringType, true)
                    .add("run_id", DataTypes.LongType, false)
                    .add("recorded_at", DataTypes.TimestampType, false);

    private final SparkSession spark;
    private final String path;

    public LoadLedger(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.path = layout.loadLedger();
    }

    /** The ledger's latest word on every drop it knows (a small table: one row per drop). */
    public List<LedgerEntry> entries() {
        if (!DeltaTables.exists(spark, path)) {
            return List.of();
        }
        return DeltaTables.read(spark, path)
                .selectExpr(
                        "export_id AS exportId",
                        "export_type AS exportType",
                        "date_format(extracted_at, \"yyyy-MM-dd'T'HH:mm:ss'Z'\") AS extractedAt",
                        "manifest_sha256 AS manifestSha256",
                        "status",
                        "reason")
                .as(Encoders.bean(LedgerBean.class))
                .collectAsList()
                .stream()
                .map(LedgerBean::toEntry)
                .toList();
    }

    /** Records this run's outcome for each drop, replacing what the ledger said of them before. */
    public void record(List<LedgerEntry> outcomes, long runId) {
        if (outcomes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        for (LedgerEntry e : outcomes) {
            rows.add(
                    RowFactory.create(
                            e.exportId(),
                            e.exportType(),
                            extractedAt(e),
                            e.manifestSha256(),
                            e.status(),
                            e.reason(),
                            runId,
                            now));
        }
        Dataset<Row> df = spark.createDataFrame(rows, SCHEMA);
        if (!DeltaTables.exists(spark, path)) {
            DeltaTables.overwrite(df, path);
            return;
        }
        // A MERGE on the id, not a predicate written as SQL: a refused folder's name is data,
        // whatever it holds.
        DeltaTable.forPath(spark, path)
                .as("l")
                .merge(df.as("o"), col("l.export_id").equalTo(col("o.export_id")))
                .whenMatched()
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute();
    }

    /** A refused drop's manifest may not hold a readable instant: the ledger then records none. */
    private static Timestamp extractedAt(LedgerEntry e) {
        try {
            return e.extractedAt() == null ? null : Timestamp.from(Instant.parse(e.extractedAt()));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** Java bean for Spark's encoder. */
    public static class LedgerBean {
        private String exportId;
        private String exportType;
        private String extractedAt;
        private String manifestSha256;
        private String status;
        private String reason;

        LedgerEntry toEntry() {
            return new LedgerEntry(
                    exportId, exportType, extractedAt, manifestSha256, status, reason);
        }

        public String getExportId() {
            return exportId;
        }

        public void setExportId(String v) {
            exportId = v;
        }

        public String getExportType() {
            return exportType;
        }

        public void setExportType(String v) {
            exportType = v;
        }

        public String getExtractedAt() {
            return extractedAt;
        }

        public void setExtractedAt(String v) {
            extractedAt = v;
        }

        public String getManifestSha256() {
            return manifestSha256;
        }

        public void setManifestSha256(String v) {
            manifestSha256 = v;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String v) {
            status = v;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String v) {
            reason = v;
        }
    }
}
