package org.ccft.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Date;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.ccft.config.CcftProperties;
import org.ccft.reference.calendar.FinancialYear;
import scala.Option;
import scala.Tuple2;

/**
 * Spark for a process and for each command in it, with Delta Lake enabled. Local mode by default;
 * under spark-submit the master and cluster settings come from the submit and are left alone.
 */
public final class SparkSessionFactory {

    private SparkSessionFactory() {}

    /**
     * The process's SparkSession, started with these settings if none runs: the SparkContext every
     * command's session shares, and the session a process with one job to do uses.
     */
    public static SparkSession process(CcftProperties.Spark settings, String warehouse) {
        Option<SparkSession> running = SparkSession.getDefaultSession();
        SparkSession spark =
                running.isDefined()
                        ? running.get()
                        : SparkSession.builder().config(conf(settings, warehouse)).getOrCreate();
        registerFunctions(spark);
        return spark;
    }

    /**
     * A session of the command's own on the process's SparkContext (started if none runs): its SQL
     * settings, temporary views and functions are its own, so that two commands in one process (a
     * test JVM running two warehouses' nights at once) neither see nor change each other's. The
     * context's settings (master, scratch folder) are the first command's.
     *
     * @param warehouse the warehouse root: Spark's scratch and spill folders go under its {@code
     *     ops/} when it is on the local file system and {@code ccft.spark.local-dir} says nowhere
     *     else
     */
    public static SparkSession forCommand(CcftProperties.Spark settings, String warehouse) {
        SparkConf conf = conf(settings, warehouse);
        SparkSession spark = process(settings, warehouse).newSession();
        for (Tuple2<String, String> setting : conf.getAll()) {
            if (spark.conf().isModifiable(setting._1())) {
                spark.conf().set(setting._1(), setting._2());
            }
        }
        registerFunctions(spark);
        return spark;
    }

    /**
     * The Hadoop settings the session uses (or would use: none is started for them), for reading
     * and writing the warehouse's and the landing area's files without Spark.
     */
    public static Configuration hadoopConfiguration(
            CcftProperties.Spark settings, String warehouse) {
        Option<SparkSession> running = SparkSession.getDefaultSession();
        if (running.isDefined()) {
            return running.get().sparkContext().hadoopConfiguration();
        }
        return SparkHadoopUtil.get().newConfiguration(conf(settings, warehouse));
    }

    private static SparkConf conf(CcftProperties.Spark settings, String warehouse) {
        SparkConf conf = new SparkConf(true);
        scratch(settings, warehouse).ifPresent(dir -> conf.setIfMissing("spark.local.dir", dir));
        if (!conf.contains("spark.master")
                && settings.getMaster() != null
                && !settings.getMaster().isBlank()) {
            conf.setMaster(settings.getMaster());
        }
        conf.setIfMissing("spark.app.name", settings.getAppName())
                .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .set(
                        "spark.sql.catalog.spark_catalog",
                        "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .setIfMissing(
                        "spark.sql.shuffle.partitions",
                        String.valueOf(settings.getShufflePartitions()))
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.sql.session.timeZone", "UTC")
                // Dates that the strict parser rejects are bad input, not a reason to fail the job.
                .setIfMissing("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
                // Local folders: Delta's log store for the local file system, not HDFS's, whose
                // renames fork a shell per commit (about a tenth of a small write). Safe with one
                // writer at a time, which the nightly run lock ensures. Object stores keep their
                // own.
                .setIfMissing("spark.delta.logStore.file.impl", "io.delta.storage.LocalLogStore")
                .setIfMissing("spark.databricks.delta.schema.autoMerge.enabled", "false")
                // Folders and files the warehouse writes through Hadoop: owner and group only.
                .setIfMissing("spark.hadoop.fs.permissions.umask-mode", ProcessUmask.OCTAL);
        settings.getConf().forEach(conf::set);
        return conf;
    }

    /**
     * Where Spark spills rows and keeps its scratch files: the configured folder, else the
     * warehouse's {@code ops/spark-local} (created owner-only), not the system's shared temporary
     * folder. Spark removes what it wrote there when the process ends.
     */
    static Optional<String> scratch(CcftProperties.Spark settings, String warehouse) {
        String dir = settings.getLocalDir();
        if ((dir == null || dir.isBlank()) && warehouse != null) {
            // Hadoop's Path, which reads a scheme (s3a://); java.nio's is the one imported.
            URI uri = new org.apache.hadoop.fs.Path(warehouse).toUri();
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                dir = Path.of(uri.getPath()).resolve("ops").resolve("spark-local").toString();
            }
        }
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(dir).toAbsolutePath();
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder.getParent()); // the warehouse's own folders: umask
                Files.createDirectory(
                        folder,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Spark's scratch folder " + folder, e);
        }
        return Optional.of(folder.toString());
    }

    /** SQL functions the marts and analysts share. */
    static void registerFunctions(SparkSession spark) {
        spark.udf()
                .register(
                        "financial_year",
                        (UDF1<Date, String>) FinancialYear::of,
                        DataTypes.StringType);
    }
}
