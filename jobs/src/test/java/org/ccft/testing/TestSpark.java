package org.ccft.testing;

import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.ccft.lakehouse.SparkSessionFactory;

/**
 * The SparkSession of the whole test JVM (surefire and failsafe reuse one JVM for every test
 * class), with the settings {@code application.yml} gives the nightly job, and sessions of a test's
 * own on its SparkContext.
 */
public final class TestSpark {

    /**
     * Shuffle partitions of the tests' queries: their tables have a handful of rows, and every
     * partition is a task to plan, serialise and run.
     */
    public static final int SHUFFLE_PARTITIONS = 1;

    private static SparkSession session;
    private static CcftProperties.Spark settings;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            settings = StandaloneSettings.load().getSpark();
            settings.setAppName("ccft-tests");
            settings.setShufflePartitions(SHUFFLE_PARTITIONS);
            // One JVM runs many test classes: Spark's status store keeps 1,000 queries, jobs and
            // stages by default, each with its plan, which a long fork fills its heap with. Tests
            // need none of them.
            settings.getConf().put("spark.sql.ui.retainedExecutions", "20");
            settings.getConf().put("spark.ui.retainedJobs", "50");
            settings.getConf().put("spark.ui.retainedStages", "50");
            // and the classes Spark generated for one test's queries serve the next test's (the
            // same marts over other rows): 2,000 kept rather than 100.
            settings.getConf().put("spark.sql.codegen.cache.maxEntries", "2000");
            session = SparkSessionFactory.process(settings, null);
        }
        return session;
    }

    /**
     * A session of its own, with the same settings, for a test that registers temporary views (the
     * published marts by name): failsafe runs two test classes at once in one JVM.
     */
    public static synchronized SparkSession newSession() {
        session();
        return SparkSessionFactory.forCommand(settings, null);
    }
}
