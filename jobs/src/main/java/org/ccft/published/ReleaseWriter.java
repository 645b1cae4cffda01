package org.ccft.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.Audience;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.published.statistics.StatisticsTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a release: the files of one publication, before it is published, under {@code
 * published/releases/<release>/}:
 *
 * <ul>
 *   <li>{@code internal/parquet/<mart>.parquet}, {@code internal/csv/<mart>.csv} and {@code
 *       internal/ccft-marts.xlsx}: every mart of the public and internal audiences, exact;
 *   <li>{@code team/parquet/<mart>.parquet}: the team's lists, for {@code ccft sql --audience team}
 *       only (no CSV or workbook of them is made);
 *   <li>{@code public/}: the public marts after disclosure control ({@link PublicRelease}).
 * </ul>
 *
 * The Parquet files are the marts' own rows at their published versions: DuckDB copies the Delta
 * version's data files (marts have no deletion vectors) into one file per mart, without a Spark
 * job. The release is made in a private local folder and then copied to the warehouse whole,
 * wherever it is.
 */
public final class ReleaseWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseWriter.class);

    /** The folder of a reader audience's files in a release. */
    public static String folder(Audience reader) {
        return reader == Audience.TEAM ? "team" : "internal";
    }

    public static final String WORKBOOK = "ccft-marts.xlsx";

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final PublicationPolicy policy;
    private final StatisticsTables.Council place;

    public ReleaseWriter(
            SparkSession spark,
            WarehouseLayout layout,
            PublicationPolicy policy,
            StatisticsTables.Council place) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
        this.place = place;
    }

    /** A release's name: its run and the second it was published. */
    public static String releaseId(long runId, String publishedAt) {
        return "run-" + runId + "-" + Instant.parse(publishedAt).getEpochSecond();
    }

    /** What else is made from a release's files while they are still in their local folder. */
    @FunctionalInterface
    public interface Staged {
        void accept(Path release);
    }

    /**
     * Writes the release of {@code published} (its marts at their versions) and returns its folder;
     * {@code staged} is given the local copy before it is removed (the serving database reads it).
     */
    public String write(
            Publication.Published published,
            DataDictionary dictionary,
            ReleaseInfo info,
            Staged staged) {
        String target = layout.publishedReleases() + "/" + published.release();
        long started = System.nanoTime();
        Path staging = null;
        try {
            staging = Files.createTempDirectory("ccft-release-"); // owner-only
            Files.createDirectories(staging.resolve("internal/parquet"));
            Files.createDirectories(staging.resolve("internal/csv"));
            Files.createDirectories(staging.resolve("team/parquet"));
            Set<String> forStaff = new LinkedHashSet<>();
            dictionary.entries().stream()
                    .filter(e -> e.definition().readers() != Audience.TEAM)
                    .forEach(e -> forStaff.add(e.mart()));
            String title =
                    "Children's complaints and feedback: the published marts as at "
                            + published.asAtDate()
                            + " (run "
                            + published.runId()
                            + ", published "
                            + published.publishedAt()
                            + ")";
            try (Connection db = DuckDb.inMemory();
                    Statement sql = db.createStatement();
                    MartWorkbook workbook =
                            new MartWorkbook(
                                    staging.resolve("internal/" + WORKBOOK),
                                    dictionary,
                                    title,
                                    forStaff)) {
                for (DataDictionary.Entry e : dictionary.entries()) {
                    String folder = folder(e.definition().readers());
                    Path parquet = staging.resolve(folder + "/parquet/" + e.mart() + ".parquet");
                    copyRows(sql, e, parquet, staging);
                    if (forStaff.contains(e.mart())) {
                        String read =
                                "SELECT * FROM read_parquet("
                                        + DuckDb.literal(parquet.toString())
                                        + ")";
                        try (ResultSet rows = sql.executeQuery(read)) {
                            MartCsv.write(
                                    rows, staging.resolve("internal/csv/" + e.mart() + ".csv"));
                        }
                        try (ResultSet rows = sql.executeQuery(read + " ORDER BY ALL")) {
                            workbook.sheet(e.mart(), rows);
                        }
                    }
                }
                new PublicRelease(policy, place)
                        .write(
                                db,
                                staging,
                                dictionary,
                                "Children's complaints and feedback: "
                                        + "the public marts as at "
                                        + published.asAtDate()
                                        + ", with disclosure control");
            }
            info.write(staging);
            upload(staging, target);
            staged.accept(staging);
            LOG.info(
                    "release {}: {} marts as Parquet, {} as CSV and in {}, in {} ms",
                    published.release(),
                    dictionary.entries().size(),
                    forStaff.size(),
                    WORKBOOK,
                    (System.nanoTime() - started) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write release " + target, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot write release " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** One mart's rows at its published version into one Parquet file. */
    private void copyRows(Statement sql, DataDictionary.Entry e, Path parquet, Path staging)
            throws SQLException, IOException {
        String table = layout.mart(e.mart());
        List<String> files =
                local(
                        DeltaTables.filesAt(spark, table, e.version()),
                        staging.resolve(".inputs/" + e.mart()));
        if (files.isEmpty()) {
            // A version with no rows has no data file: an empty file with the mart's columns.
            sql.execute(
                    "COPY (SELECT "
                            + Arrays.stream(e.schema().fields())
                                    .map(
                                            f ->
                                                    "CAST(NULL AS "
                                                            + DuckDb.type(f.dataType())
                                                            + ") AS "
                                                            + DuckDb.identifier(f.name()))
                                    .collect(Collectors.joining(", "))
                            + " WHERE false) TO "
                            + DuckDb.literal(parquet.toString())
                            + " (FORMAT parquet, COMPRESSION zstd)");
            return;
        }
        sql.execute(
                "COPY (SELECT * FROM read_parquet("
                        + DuckDb.literals(files)
                        + ")) TO "
                        + DuckDb.literal(parquet.toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
    }

    /**
     * The files as local paths: those of a local warehouse as they are, others copied here first.
     */
    private List<String> local(List<String> files, Path copies) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            URI uri = URI.create(f);
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                out.add((uri.getScheme() == null ? Path.of(f) : Path.of(uri)).toString());
            } else {
                Files.createDirectories(copies);
                org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(uri);
                Path copy = copies.resolve(out.size() + ".parquet");
                source.getFileSystem(spark.sparkContext().hadoopConfiguration())
                        .copyToLocalFile(
                                false, source, new org.apache.hadoop.fs.Path(copy.toUri()), true);
                out.add(copy.toString());
            }
        }
        return out;
    }

    /** The staged release, copied into the warehouse (a local folder or an object store). */
    private void upload(Path staging, String target) throws IOException {
        deleteQuietly(staging.resolve(".inputs"));
        deleteQuietly(staging.resolve(".empty"));
        org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target);
        FileSystem fs = ReleaseFolders.fileSystem(to, spark.sparkContext().hadoopConfiguration());
        fs.delete(to, true); // a release written by an attempt that failed before publishing
        fs.mkdirs(to.getParent());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(staging.toUri()), to);
    }

    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", folder, e.getMessage());
        }
    }
}
