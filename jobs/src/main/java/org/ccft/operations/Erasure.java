package org.ccft.operations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
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
     * Deletes the records' rows from every layer, then the tables' history; returns the rows per
     * table.
     */
    public Map<String, Long> erase(Request request) {
        Set<String> records = recordIds(request);
        Map<FileContract, Set<String>> keys = new LinkedHashMap<>();
        keys.put(CmsContract.FEEDBACK_RECORDS, records);
        for (FileContract child : List.of(CmsContract.ACTIONS, CmsContract.CONTACTS)) {
            keys.put(child, childKeys(child, records));
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        keys.forEach(
                (contract, ids) -> {
                    Column ofTheRecords =
                            contract == CmsContract.FEEDBACK_RECORDS
                                    ? col("record_id")
                                            .isin(ids.toArray())
                                            .or(col("case_ref").isin(request.caseRefs().toArray()))
                                    : col(contract.key())
                                            .isin(ids.toArray())
                                            .or(col("record_id").isin(records.toArray()));
                    for (String layer : List.of("raw", "staging", "conformed")) {
                        String path =
                                switch (layer) {
                                    case "raw" -> layout.raw(contract.table());
                                    case "staging" -> layout.staging(contract.table());
                                    default -> layout.conformed(contract.table());
                                };
                        removed.put(layer + "/" + contract.table(), delete(path, ofTheRecords));
                        tables.add(path);
                    }
                });
        Column quarantined = lit(false);
        for (var e : keys.entrySet()) {
            quarantined =
                    quarantined.or(
                            col("source_table")
                                    .equalTo(lit(e.getKey().table()))
                                    .and(col("record_key").isin(e.getValue().toArray())));
        }
        removed.put("quarantine/rows", delete(layout.quarantine(), quarantined));
        tables.add(layout.quarantine());
        TableHistory.forget(spark, tables);
        LOG.info(
                "erasure: {} rows removed across {} tables; their history forgotten",
                removed.values().stream().mapToLong(Long::longValue).sum(),
                tables.size());
        return removed;
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
     * Deletes the rows matching the condition; returns how many (from the DELETE's own metrics).
     */
    private long delete(String path, Column condition) {
        if (!DeltaTables.exists(spark, path)) {
            return 0;
        }
        long before = DeltaTables.latestVersion(spark, path);
        DeltaTable.forPath(spark, path).delete(condition);
        return DeltaTables.operationMetric(spark, path, before, "numDeletedRows");
    }

    /**
     * When an erasure happened, under which request, and how many rows each table lost: no personal
     * data.
     */
    public static ErasureRecord record(
            Request request,
            Map<String, Long> removed,
            String republished,
            int tagsKept,
            int releasesKept) {
        return new ErasureRecord(
                request.reference(),
                Instant.now().toString(),
                request.caseRefs().size(),
                request.recordIds().size(),
                removed,
                republished,
                tagsKept,
                releasesKept);
    }
}
