package org.ccft.raw;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.Manifest;
import org.ccft.landing.Refusal;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Lands every row of the sound drops, as it came, in the raw Delta tables (one per contract file),
 * with export_id, file and line. Parsing runs on the executors, one task per file, streaming (a
 * task holds one record at a time; splitting one file over several tasks is not done); the counts
 * per file are checked against the manifest before anything is written, and a drop whose counts
 * differ is refused whole. Re-landing a drop replaces its rows (idempotent on restart).
 */
public final class RawLanding {

    private static final Logger LOG = LoggerFactory.getLogger(RawLanding.class);

    /**
     * The raw tables' Delta properties. The log's statistics quote column values (the first 32
     * characters of a string): here only of the landing's own columns, never of a personal one. And
     * commits older than a week leave the log at its next checkpoint, so a row deleted by the
     * retention policy or an erasure is not quoted for 30 days (Delta's default).
     */
    static final Map<String, String> PROPERTIES =
            Map.of(
                    "delta.dataSkippingStatsColumns", "export_id,file,line",
                    "delta.logRetentionDuration", "interval 7 days");

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public RawLanding(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /** Lands the drops; returns the drops refused for a row-count mismatch, with the reason. */
    public List<Refusal> land(List<Drop> drops) {
        Map<FileContract, Dataset<Row>> parsed = new LinkedHashMap<>();
        Map<String, Long> counted = new HashMap<>();
        for (FileContract contract : CmsContract.CMS_FILES) {
            Dataset<Row> rows = parse(contract, drops).persist(StorageLevel.MEMORY_AND_DISK());
            parsed.put(contract, rows);
            for (Row r : rows.groupBy("export_id").count().collectAsList()) {
                counted.put(r.getString(0) + "/" + contract.file(), r.getLong(1));
            }
        }
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (Drop d : drops) {
            for (Manifest.ListedFile f : d.files()) {
                long rows = counted.getOrDefault(d.exportId() + "/" + f.name(), 0L);
                if (rows != f.rows()) {
                    String label = d.fileLabel(f.name());
                    refused.putIfAbsent(
                            d.exportId(),
                            new Refusal(
                                    d.exportId(),
                                    "row_count",
                                    label,
                                    label
                                            + " has "
                                            + rows
                                            + " data rows, the manifest says "
                                            + f.rows()));
                }
            }
        }
        List<String> landed =
                drops.stream().map(Drop::exportId).filter(id -> !refused.containsKey(id)).toList();
        String predicate = "export_id IN " + DeltaTables.sqlList(landed);
        parsed.forEach(
                (contract, rows) -> {
                    if (!landed.isEmpty()) {
                        DeltaTables.replaceWhere(
                                rows.where(predicate),
                                layout.raw(contract.table()),
                                predicate,
                                PROPERTIES);
                    }
                    rows.unpersist();
                });
        LOG.info("raw: landed {} drops, refused {} for row counts", landed.size(), refused.size());
        return List.copyOf(refused.values());
    }

    Dataset<Row> parse(FileContract contract, List<Drop> drops) {
        CmsCsvParser parser = new CmsCsvParser(contract);
        List<String> paths = new ArrayList<>();
        for (Drop d : drops) {
            d.files().stream()
                    .filter(f -> f.name().equals(contract.file()))
                    .forEach(f -> paths.add(d.filePath(f.name())));
        }
        if (paths.isEmpty()) {
            return spark.createDataFrame(List.of(), parser.rawSchema());
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions =
                Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism() * 4));
        JavaRDD<Row> rows =
                jsc.binaryFiles(String.join(",", paths), partitions)
                        .flatMap(file -> parseFile(parser, file));
        return spark.createDataFrame(rows, parser.rawSchema());
    }

    /** The file's rows, streamed: the task holds one record at a time, whatever the file's size. */
    private static Iterator<Row> parseFile(
            CmsCsvParser parser, Tuple2<String, PortableDataStream> file) throws IOException {
        String[] parts = file._1().split("/");
        String exportId = parts[parts.length - 2];
        String fileLabel = "cms/" + exportId + "/" + parts[parts.length - 1];
        InputStream in = file._2().open();
        return parser.rows(exportId, fileLabel, in);
    }

    /** Raw rows of the given drops, for validation (read once per run). */
    public Dataset<Row> rows(FileContract contract, List<String> exportIds) {
        String path = layout.raw(contract.table());
        if (!DeltaTables.exists(spark, path)) {
            return spark.createDataFrame(List.of(), new CmsCsvParser(contract).rawSchema());
        }
        return DeltaTables.read(spark, path)
                .where(functions.col("export_id").isin(exportIds.toArray()));
    }
}
