package org.ccft.lakehouse;

import org.apache.hadoop.conf.Configuration;
import org.ccft.config.CcftProperties;

/**
 * How the warehouse's and the landing area's files are reached: Hadoop's settings (which file
 * system a path is on, an object store's endpoint and credentials), the same the Spark session
 * uses, without starting one.
 */
public record Storage(Configuration hadoop) {

    public static Storage of(CcftProperties properties) {
        return new Storage(
                SparkSessionFactory.hadoopConfiguration(
                        properties.getSpark(), properties.getWarehouse()));
    }
}
