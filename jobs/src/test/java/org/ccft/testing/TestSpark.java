package org.ccft.testing;

import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.SparkSessionFactory;

/** The one SparkSession of the whole test suite (surefire reuses one JVM for every test class). */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            CcftProperties.Spark settings = new CcftProperties.Spark();
            settings.setMaster("local[2]");
            settings.setAppName("ccft-tests");
            settings.setShufflePartitions(2);
            // One JVM runs many test classes: Spark's status store keeps 1,000 queries, jobs and
            // stages by default, each with its plan, which a long fork fills its heap with. Tests
            // need none of them.
            settings.getConf().put("spark.sql.ui.retainedExecutions", "20");
            settings.getConf().put("spark.ui.retainedJobs", "50");
            settings.getConf().put("spark.ui.retainedStages", "50");
            // The same queries run night after night in one JVM: keep their compiled code (Spark
            // keeps 100 classes by default; a small night runs some 300 queries).
            settings.getConf().put("spark.sql.codegen.cache.maxEntries", "2000");
            session = SparkSessionFactory.getOrCreate(settings);
        }
        return session;
    }
}
