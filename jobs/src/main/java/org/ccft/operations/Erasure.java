package org.ccft.operations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.TableHistory;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a person's records from every layer that holds them (raw, staging, quarantine,
 * conformed), and then the history of those tables, so that no file under the warehouse holds them
 * any more. A case is named by its case_ref (every stage) or a record by its record_id; the
 * records' actions and contacts go with them. The references are used as values, never written into
 * SQL text, and never logged or recorded: the {@link ErasureRecord} holds the request's own
 * reference and counts only.
 */
public final class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

    /** A request's own reference (a ticket number): what the erasure record may say. */
    public static final Pattern REQUEST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    /** What to erase: cases by case_ref, records by record_id, and the request's own reference. */
    public record Request(Set<String> caseRefs, Set<String> recordIds, String reference) {
        public Request {
            if (caseRefs.isEmpty() && recordIds.isEmpty()) {
                throw new IllegalArgumentException(
                        "name at least one case (--case-ref) or record (--record-id)");
            }
            if (reference == null || !REQUEST.matcher(reference).matches()) {
                throw new IllegalArgumentException(
                        "the request's reference is 1-64 letters, digits, '.', '_', '/' "
                                + "or '-', starting with a letter or digit");
            }
            caseRefs = Set.copyOf(caseRefs);
            recordIds = Set.copyOf(recordIds);
        }
    }

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public Erasure(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /**
     * Registers the cases and their records (as keyed hashes, so a later drop holding them is
     * refused), then deletes the records' rows from every layer, then the tables' history; returns
     * the rows per table. Each DELETE is a MERGE against a relation of the keys, so the commit
     * Delta keeps names the join, not the keys; and the tables' history is forgotten after it.
     */
    public Map<String, Long> erase(
            Request request, ErasureRegister register, byte[] key, String when) {
        Set<String> records = recordIds(request);
        register.add(key, "case", request.caseRefs(), request.reference(), when);
        register.add(key, "record", records, request.reference(), when);
        Map<FileContract, Set<String>> keys = new LinkedHashMap<>();
        keys.put(CmsContract.FEEDBACK_RECORDS, records);
        for (FileContract child : List.of(CmsContract.ACTIONS, CmsContract.CONTACTS)) {
            keys.put(child, childKeys(child, records));
        }
        Dataset<Row> byRecord = keys(records);
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        for (FileContract contract : keys.keySet()) {
            String table = contract.table();
            Map<String, String> layers =
                    Map.of(
                            "raw", layout.raw(table),
                            "staging", layout.staging(table),
                            "conformed", layout.conformed(table));
            for (String layer : List.of("raw", "staging", "conformed")) {
                String path = layers.get(layer);
                removed.put(
                        layer + "/" + table,
                        delete(path, byRecord, col("t.record_id").equalTo(col("k.key"))));
                tables.add(path);
            }
        }
        Dataset<Row> quarantined =
                keys.entrySet().stream()
                        .map(
                                e ->
                                        keys(e.getValue())
                                                .withColumn(
                                                        "source_table", lit(e.getKey().table())))
                        .reduce(Dataset::unionByName)
                        .orElseThrow();
        removed.put(
                "quarantine/rows",
                delete(
                        layout.quarantine(),
                        quarantined,
                        col("t.source_table")
                                .equalTo(col("k.source_table"))
                                .and(col("t.record_key").equalTo(col("k.key")))));
        tables.add(layout.quarantine());
        TableHistory.forget(spark, tables);
        LOG.info(
                "erasure: {} rows removed across {} tables; their history forgotten",
                removed.values().stream().mapToLong(Long::longValue).sum(),
                tables.size());
        return removed;
    }

    /** A one-column relation ({@code key}) of the values. */
    private Dataset<Row> keys(Set<String> values) {
        return spark.createDataset(new ArrayList<>(values), Encoders.STRING()).toDF("key");
    }

    /** Every record_id of the cases named, or named itself, in any drop the warehouse holds. */
    private Set<String> recordIds(Request request) {
        Set<String> ids = new TreeSet<>(request.recordIds());
        Column named =
                col("record_id")
                        .isin(request.recordIds().toArray())
                        .or(col("case_ref").isin(request.caseRefs().toArray()));
        for (String path :
                List.of(
                        layout.raw(CmsContract.FEEDBACK_RECORDS.table()),
                        layout.conformed(CmsContract.FEEDBACK_RECORDS.table()))) {
            if (DeltaTables.exists(spark, path)) {
                DeltaTables.read(spark, path)
                        .where(named)
                        .select("record_id")
                        .distinct()
                        .collectAsList()
                        .forEach(r -> ids.add(r.getString(0)));
            }
        }
        return ids;
    }

    /**
     * The keys of an action or contact of the records, as raw has them (staging and conformed hold
     * no more).
     */
    private Set<String> childKeys(FileContract child, Set<String> records) {
        String raw = layout.raw(child.table());
        Set<String> ids = new TreeSet<>();
        if (DeltaTables.exists(spark, raw) && !records.isEmpty()) {
            DeltaTables.read(spark, raw)
                    .where(col("record_id").isin(records.toArray()))
                    .select(child.key())
                    .distinct()
                    .collectAsList()
                    .forEach(r -> ids.add(r.getString(0)));
        }
        return ids;
    }

    /**
     * Deletes the rows that join the keys on the condition ({@code t} the table, {@code k} the
     * keys); returns how many (from the MERGE's own metrics).
     */
    private long delete(String path, Dataset<Row> keys, Column on) {
        if (!DeltaTables.exists(spark, path)) {
            return 0;
        }
        long before = DeltaTables.latestVersion(spark, path);
        DeltaTable.forPath(spark, path)
                .as("t")
                .merge(keys.as("k"), on)
                .whenMatched()
                .delete()
                .execute();
        return DeltaTables.operationMetric(spark, path, before, "numTargetRowsDeleted");
    }

    /**
     * When an erasure happened, under which request, and how many rows each table lost: no personal
     * data.
     */
    public static ErasureRecord record(
            Request request,
            String when,
            Map<String, Long> removed,
            String republished,
            int tagsKept,
            int releasesKept) {
        return new ErasureRecord(
                request.reference(),
                when,
                request.caseRefs().size(),
                request.recordIds().size(),
                removed,
                republished,
                tagsKept,
                releasesKept);
    }
}
