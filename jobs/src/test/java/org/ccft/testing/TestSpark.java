package org.ccft.testing;

import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.SparkSessionFactory;

/** The one SparkSession of the whole test suite (surefire reuses one JVM for every test class). */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            CcftProperties.Spark settings = new CcftProperties.Spark();
            settings.setMaster("local[2]");
            settings.setShufflePartitions(2);
            session = SparkSessionFactory.getOrCreate(settings);
        }
        return session;
    }
}
