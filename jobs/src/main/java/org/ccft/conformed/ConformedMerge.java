package org.ccft.conformed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts a batch of good rows into a conformed table with MERGE. For each key the row with the
 * greatest last_modified is the truth, a tie going to the later export_id; a tombstone replaces the
 * record's content and stays, so that an older row arriving late cannot bring the record back. A
 * FULL export speaks for every record as at its extraction, both ways: a record last changed before
 * its extracted_at and absent from it gets a tombstone dated at that extracted_at, and a record it
 * holds counts as at that extracted_at too, so a later complete FULL export brings back what an
 * earlier truncated one deleted (consistent data ranks the same either way: a FULL export holds
 * each record's latest version). The result does not depend on the order drops arrive in. The table
 * has deletion vectors: MERGE writes the night's rows and marks the versions they replace, rather
 * than rewriting the files holding them. It is partitioned by financial year, and a night without a
 * FULL export bounds its MERGE to the years its records are in or come from ({@link TouchedYears}),
 * so the other years' files are not opened.
 */
public final class ConformedMerge {

    private static final Logger LOG = LoggerFactory.getLogger(ConformedMerge.class);

    /** The version a row speaks for, while it is merged: never stored. */
    private static final String AS_AT = "_as_at";

    /** A FULL export the warehouse holds (or is loading now). */
    public record FullExport(String exportId, Timestamp extractedAt, boolean inThisBatch) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public ConformedMerge(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public void merge(FileContract contract, List<FullExport> fullExports) {
        String key = "`" + contract.key() + "`";
        String target = layout.conformed(contract.table());
        Dataset<Row> batch = DeltaTables.read(spark, layout.staging(contract.table()));
        String tombstoneColumns = tombstoneProjection(batch, contract.key());

        batch.createOrReplaceTempView("merge_batch");
        boolean targetExists = DeltaTables.exists(spark, target);
        // The table's own rows matter only to a FULL export in this batch (what it omits is
        // deleted): without one, the night reads tonight's rows, and MERGE touches only the files
        // holding their keys.
        boolean fullExportTonight = fullExports.stream().anyMatch(FullExport::inThisBatch);
        if (targetExists && !fullExportTonight && batch.isEmpty()) {
            LOG.info("conformed {}: nothing new tonight", contract.table());
            return;
        }
        if (targetExists && fullExportTonight) {
            DeltaTables.read(spark, target).createOrReplaceTempView("merge_target");
        } else {
            batch.limit(0).createOrReplaceTempView("merge_target");
        }
        spark.createDataFrame(
                        fullExports.stream()
                                .map(
                                        f ->
                                                RowFactory.create(
                                                        f.exportId(),
                                                        f.extractedAt(),
                                                        f.inThisBatch()))
                                .toList(),
                        StructType.fromDDL(
                                "export_id STRING, extracted_at TIMESTAMP, in_this_batch BOOLEAN"))
                .createOrReplaceTempView("merge_full_exports");
        Set<String> fullIds =
                fullExports.stream().map(FullExport::exportId).collect(Collectors.toSet());
        rawKeys(contract, fullIds).createOrReplaceTempView("merge_full_export_keys");

        Dataset<Row> source =
                spark.sql(
                                """
                WITH candidates AS (
                  -- what the batch brings, and (for a FULL export in this batch) what the warehouse holds
                  SELECT %1$s AS k, last_modified, is_deleted, true AS from_batch FROM merge_batch
                  UNION ALL
                  SELECT %1$s, last_modified, is_deleted, false FROM merge_target
                ),
                omitted_by_full_export AS (
                  SELECT c.k, f.export_id, f.extracted_at
                  FROM candidates c
                  JOIN merge_full_exports f
                    ON c.last_modified < f.extracted_at AND (c.from_batch OR f.in_this_batch)
                  LEFT ANTI JOIN merge_full_export_keys fk ON fk.export_id = f.export_id AND fk.k = c.k
                  WHERE NOT c.is_deleted
                ),
                tombstones_of_full_exports AS (
                  SELECT DISTINCT %2$s FROM omitted_by_full_export
                ),
                rows_and_tombstones AS (
                  SELECT * FROM merge_batch
                  UNION ALL
                  SELECT * FROM tombstones_of_full_exports
                ),
                versioned AS (
                  -- a FULL export's rows (and tombstones) speak as at its extraction
                  SELECT r.*, coalesce(greatest(r.last_modified, fe.extracted_at), r.last_modified) AS _as_at
                  FROM rows_and_tombstones r LEFT JOIN merge_full_exports fe ON fe.export_id = r.export_id
                ),
                ranked AS (
                  SELECT *, row_number() OVER (PARTITION BY %1$s
                                               ORDER BY _as_at DESC, export_id DESC, source_line DESC) AS rn
                  FROM versioned
                )
                SELECT * FROM ranked WHERE rn = 1
                """
                                        .formatted(key, tombstoneColumns))
                        .drop("rn");
        YearPartitioning years = YearPartitioning.of(contract);
        // A deleted record keeps only its key, version and year: its content is gone from every
        // layer past raw.
        source =
                source.withColumn(years.column(), years.value())
                        .selectExpr(deletedContentNulled(batch, contract.key(), years.column()));

        if (!targetExists) {
            DeltaTables.createForMerge(source.drop(AS_AT), target, years.column());
        } else {
            DeltaTables.partitionOnce(spark, target, years.column(), years.value());
            DeltaTables.enableDeletionVectors(spark, target);
            DeltaTables.addMissingColumns(spark, target, source.drop(AS_AT).schema());
            Dataset<Row> night = source.persist();
            try {
                Column sameRecord = col("t." + key).equalTo(col("s." + key));
                // A FULL export's omissions may be anywhere: then the whole table is in play.
                Column inPlay =
                        fullExportTonight
                                ? lit(true)
                                : new TouchedYears(spark, contract, years).of(night, target);
                DeltaTable.forPath(spark, target)
                        .as("t")
                        .merge(night.as("s"), sameRecord.and(inPlay))
                        .whenMatched(
                                col("s." + AS_AT)
                                        .gt(asAt("t", fullExports))
                                        .or(
                                                col("s." + AS_AT)
                                                        .equalTo(asAt("t", fullExports))
                                                        .and(
                                                                col("s.export_id")
                                                                        .gt(col("t.export_id")))))
                        // the source's _as_at is not the table's: updateAll leaves it out
                        .updateAll()
                        .whenNotMatched()
                        .insertAll()
                        .execute();
            } finally {
                night.unpersist();
            }
        }
        LOG.info("conformed {}: merged", contract.table());
    }

    /**
     * The version a stored row speaks for: its last_modified, or for a row (or tombstone) of a FULL
     * export, that export's extracted_at if later. Written with columns over the exports' ids, not
     * SQL text.
     */
    private static Column asAt(String alias, List<FullExport> fullExports) {
        Column lastModified = col(alias + ".last_modified");
        Column asAt = lastModified;
        for (FullExport f : fullExports) {
            asAt =
                    when(
                                    col(alias + ".export_id").equalTo(lit(f.exportId())),
                                    greatest(lastModified, lit(f.extractedAt())))
                            .otherwise(asAt);
        }
        return asAt;
    }

    private Dataset<Row> rawKeys(FileContract contract, Set<String> exportIds) {
        String raw = layout.raw(contract.table());
        if (exportIds.isEmpty() || !DeltaTables.exists(spark, raw)) {
            return spark.createDataFrame(
                    List.of(), StructType.fromDDL("export_id STRING, k STRING"));
        }
        return DeltaTables.read(spark, raw)
                .where(
                        col("export_id")
                                .isin(exportIds.toArray())
                                .and(col(contract.key()).isNotNull()))
                .selectExpr("export_id", "`" + contract.key() + "` AS k")
                .distinct();
    }

    /** A tombstone row in the batch's schema: key, version and provenance; everything else null. */
    private static String tombstoneProjection(Dataset<Row> batch, String key) {
        return Arrays.stream(batch.schema().fields())
                .map(
                        f ->
                                switch (f.name()) {
                                    case "last_modified" -> "extracted_at AS last_modified";
                                    case "is_deleted" -> "true AS is_deleted";
                                    case "export_id" -> "export_id";
                                    case "source_file" ->
                                            "concat('cms/', export_id, '/manifest.json') AS source_file";
                                    case "source_line" -> "CAST(0 AS BIGINT) AS source_line";
                                    default ->
                                            f.name().equals(key)
                                                    ? "k AS `" + key + "`"
                                                    : "CAST(NULL AS "
                                                            + f.dataType().sql()
                                                            + ") AS `"
                                                            + f.name()
                                                            + "`";
                                })
                .collect(Collectors.joining(", "));
    }

    private static String[] deletedContentNulled(
            Dataset<Row> batch, String key, String yearColumn) {
        Set<String> kept =
                Set.of(
                        key,
                        "last_modified",
                        "is_deleted",
                        "export_id",
                        "source_file",
                        "source_line");
        return Stream.concat(
                        Arrays.stream(batch.schema().fields())
                                .map(StructField::name)
                                .map(
                                        n ->
                                                kept.contains(n)
                                                        ? "`" + n + "`"
                                                        : "CASE WHEN is_deleted THEN NULL ELSE `"
                                                                + n
                                                                + "` END AS `"
                                                                + n
                                                                + "`"),
                        Stream.of("`" + yearColumn + "`", AS_AT))
                .toArray(String[]::new);
    }
}
