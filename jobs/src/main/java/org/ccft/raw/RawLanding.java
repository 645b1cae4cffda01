package org.ccft.raw;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.Manifest;
import org.ccft.landing.Refusal;
import org.ccft.operations.ErasureRegister;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Lands every row of the sound drops, as it came, in the raw Delta tables (one per contract file),
 * with export_id, file and line. Parsing runs on the executors, streaming (a task holds one record
 * at a time); a file larger than a piece is cut at record boundaries into pieces parsed by tasks of
 * their own ({@link CsvPieces}), with the lines of the whole file. The counts per file are checked
 * against the manifest before anything is written, and a drop whose counts differ is refused whole.
 * Re-landing a drop replaces its rows (idempotent on restart).
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

    /**
     * What a landing did: the drops refused for a row-count mismatch, with the reason; the rows
     * refused as erased, per table; and the keyed hashes of records refused for their case, which
     * the register had not held.
     */
    public record Landed(
            List<Refusal> refused, Map<String, Long> erasedRows, List<String> erasedRecords) {}

    /**
     * Lands the drops, leaving out every row of a case or record in the erasure register (counted
     * per table); a drop whose rows differ in number from its manifest is refused whole.
     */
    public Landed land(List<Drop> drops, long pieceBytes, ErasureRegister.Hashes register) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> hadoop =
                jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        Map<String, List<Tuple2<String, CsvPieces.Piece>>> pieces =
                pieces(jsc, drops, pieceBytes, hadoop);
        Map<FileContract, Dataset<Row>> parsed = new LinkedHashMap<>();
        Map<String, Long> counted = new HashMap<>();
        for (FileContract contract : CmsContract.CMS_FILES) {
            Dataset<Row> rows =
                    parse(contract, pieces.getOrDefault(contract.file(), List.of()), hadoop)
                            .persist(StorageLevel.MEMORY_AND_DISK());
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
        Map<String, Long> erasedRows = new LinkedHashMap<>();
        List<String> erasedRecords = List.of();
        Map<FileContract, Column> erased = new LinkedHashMap<>();
        if (!register.none() && !landed.isEmpty()) {
            Column ofAnErasedCase =
                    register.erased(col("case_ref")).or(register.erased(col("record_id")));
            erasedRecords =
                    parsed
                            .get(CmsContract.FEEDBACK_RECORDS)
                            .where(predicate)
                            .where(ofAnErasedCase)
                            .select(register.hash(col("record_id")))
                            .distinct()
                            .collectAsList()
                            .stream()
                            .map(r -> r.getString(0))
                            .toList();
            ErasureRegister.Hashes records = register.with(erasedRecords);
            erased.put(CmsContract.FEEDBACK_RECORDS, ofAnErasedCase);
            erased.put(CmsContract.ACTIONS, records.erased(col("record_id")));
            erased.put(CmsContract.CONTACTS, records.erased(col("record_id")));
            erased.forEach(
                    (contract, test) -> {
                        long rows = parsed.get(contract).where(predicate).where(test).count();
                        if (rows > 0) {
                            erasedRows.put(contract.table(), rows);
                        }
                    });
        }
        parsed.forEach(
                (contract, rows) -> {
                    if (!landed.isEmpty()) {
                        DeltaTables.addMissingColumns(
                                spark, layout.raw(contract.table()), rows.schema());
                        Column kept = functions.not(erased.getOrDefault(contract, lit(false)));
                        DeltaTables.replaceWhere(
                                rows.where(predicate).where(kept),
                                layout.raw(contract.table()),
                                predicate,
                                PROPERTIES);
                    }
                    rows.unpersist();
                });
        LOG.info(
                "raw: landed {} drops, refused {} for row counts; {} rows of erased cases refused",
                landed.size(),
                refused.size(),
                erasedRows.values().stream().mapToLong(Long::longValue).sum());
        return new Landed(List.copyOf(refused.values()), erasedRows, erasedRecords);
    }

    /**
     * Every CMS file's pieces, by the contract file's name, in one Spark job: a file larger than a
     * piece is read through once for its record boundaries, on an executor; only the boundaries
     * come back.
     */
    private Map<String, List<Tuple2<String, CsvPieces.Piece>>> pieces(
            JavaSparkContext jsc,
            List<Drop> drops,
            long pieceBytes,
            Broadcast<SerializableConfiguration> hadoop) {
        Set<String> cmsFiles =
                CmsContract.CMS_FILES.stream().map(FileContract::file).collect(Collectors.toSet());
        List<String> paths =
                drops.stream()
                        .flatMap(
                                d ->
                                        d.files().stream()
                                                .map(Manifest.ListedFile::name)
                                                .filter(cmsFiles::contains)
                                                .map(d::filePath))
                        .toList();
        if (paths.isEmpty()) {
            return Map.of();
        }
        int tasks = Math.max(1, Math.min(paths.size(), parsingTasks()));
        return jsc
                .parallelize(paths, tasks)
                .flatMap(path -> piecesOf(path, pieceBytes, hadoop.value().value()))
                .collect()
                .stream()
                .collect(Collectors.groupingBy(p -> new Path(p._1()).getName()));
    }

    /** One contract file's rows from its pieces, parsed by tasks of their own. */
    private Dataset<Row> parse(
            FileContract contract,
            List<Tuple2<String, CsvPieces.Piece>> pieces,
            Broadcast<SerializableConfiguration> hadoop) {
        CmsCsvParser parser = new CmsCsvParser(contract);
        if (pieces.isEmpty()) {
            return spark.createDataFrame(List.of(), parser.rawSchema());
        }
        List<List<Tuple2<String, CsvPieces.Piece>>> shares = shares(pieces, parsingTasks());
        JavaRDD<Row> rows =
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(shares, shares.size())
                        .flatMap(share -> parseShare(parser, share, hadoop.value().value()));
        return spark.createDataFrame(rows, parser.rawSchema());
    }

    private int parsingTasks() {
        return spark.sparkContext().defaultParallelism() * 4;
    }

    /**
     * The pieces dealt to at most {@code tasks} tasks by size, largest first, each to the task with
     * the fewest bytes so far: one large file's pieces go to different tasks.
     */
    static List<List<Tuple2<String, CsvPieces.Piece>>> shares(
            List<Tuple2<String, CsvPieces.Piece>> pieces, int tasks) {
        int n = Math.max(1, Math.min(pieces.size(), tasks));
        List<List<Tuple2<String, CsvPieces.Piece>>> shares = new ArrayList<>();
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            shares.add(new ArrayList<>());
        }
        pieces.stream()
                .sorted(Comparator.comparingLong(p -> p._2().start() - p._2().end()))
                .forEach(
                        p -> {
                            int least = 0;
                            for (int i = 1; i < n; i++) {
                                least = bytes[i] < bytes[least] ? i : least;
                            }
                            shares.get(least).add(p);
                            bytes[least] += p._2().end() - p._2().start();
                        });
        return shares;
    }

    /** The rows of a task's pieces, one piece after the other, each streamed. */
    private static Iterator<Row> parseShare(
            CmsCsvParser parser,
            List<Tuple2<String, CsvPieces.Piece>> share,
            Configuration hadoop) {
        Iterator<Tuple2<String, CsvPieces.Piece>> pieces = share.iterator();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pieces.hasNext()) {
                    try {
                        current = parsePiece(parser, pieces.next(), hadoop);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** A file's pieces: the whole file for one no larger than a piece. */
    private static Iterator<Tuple2<String, CsvPieces.Piece>> piecesOf(
            String path, long pieceBytes, Configuration hadoop) throws IOException {
        Path file = new Path(path);
        FileSystem fs = file.getFileSystem(hadoop);
        long length = fs.getFileStatus(file).getLen();
        List<CsvPieces.Piece> pieces;
        if (length <= pieceBytes) {
            pieces = List.of(new CsvPieces.Piece(0, length, 0));
        } else {
            try (InputStream in = fs.open(file)) {
                pieces = CsvPieces.of(in, pieceBytes);
            }
        }
        return pieces.stream().map(p -> new Tuple2<>(path, p)).iterator();
    }

    /** A piece's rows, streamed: the task holds one record at a time, whatever the piece's size. */
    private static Iterator<Row> parsePiece(
            CmsCsvParser parser, Tuple2<String, CsvPieces.Piece> piece, Configuration hadoop)
            throws IOException {
        Path file = new Path(piece._1());
        String exportId = file.getParent().getName();
        String fileLabel = "cms/" + exportId + "/" + file.getName();
        FileSystem fs = file.getFileSystem(hadoop);
        return parser.rows(exportId, fileLabel, piece._2(), () -> fs.open(file));
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
