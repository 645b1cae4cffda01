package org.ccft.lakehouse;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.ccft.config.CcftProperties;

/**
 * The one SparkSession of a process, with Delta Lake enabled. Local mode by default; under
 * spark-submit the master and cluster settings come from the submit and are left alone.
 */
public final class SparkSessionFactory {

    private SparkSessionFactory() {
    }

    public static SparkSession getOrCreate(CcftProperties.Spark settings) {
        SparkConf conf = new SparkConf(true);
        if (!conf.contains("spark.master") && settings.getMaster() != null && !settings.getMaster().isBlank()) {
            conf.setMaster(settings.getMaster());
        }
        conf.setIfMissing("spark.app.name", settings.getAppName())
            .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .setIfMissing("spark.sql.shuffle.partitions", String.valueOf(settings.getShufflePartitions()))
            .setIfMissing("spark.ui.enabled", "false")
            .setIfMissing("spark.sql.session.timeZone", "UTC")
            // Dates that the strict parser rejects are bad input, not a reason to fail the job.
            .setIfMissing("spark.sql.legacy.timeParserPolicy", "CORRECTED")
            .setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
            // Local folders: Delta's log store for the local file system, not HDFS's, whose renames fork a
            // shell per commit (about a tenth of a small write). Safe with one writer at a time, which the
            // nightly run lock ensures. Object stores keep their own.
            .setIfMissing("spark.delta.logStore.file.impl", "io.delta.storage.LocalLogStore")
            .setIfMissing("spark.databricks.delta.schema.autoMerge.enabled", "false");
        settings.getConf().forEach(conf::set);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        registerFunctions(spark);
        return spark;
    }

    /** SQL functions the marts and analysts share. */
    static void registerFunctions(SparkSession spark) {
        spark.udf().register("financial_year", (UDF1<java.sql.Date, String>) FinancialYear::of, DataTypes.StringType);
    }
}
