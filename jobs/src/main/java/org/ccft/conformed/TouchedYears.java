package org.ccft.conformed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a conformed table a night's MERGE must open: the years the night's rows are in, and
 * the years where the records they replace are now (a record whose date was corrected moves to
 * another year, and its old copy must be found to be replaced, or the record would be there twice).
 * Bounded also to the night's range of record ids, on which Delta skips files by their statistics:
 * ids are given out in time, so a year's files hold a band of them, and looking for where the
 * night's records are now opens only the files whose band overlaps the night's.
 */
final class TouchedYears {

    private static final Logger LOG = LoggerFactory.getLogger(TouchedYears.class);

    private final SparkSession spark;
    private final FileContract contract;
    private final String key;
    private final YearPartitioning years;

    TouchedYears(SparkSession spark, FileContract contract, YearPartitioning years) {
        this.spark = spark;
        this.contract = contract;
        this.key = contract.key();
        this.years = years;
    }

    /**
     * A condition on the target (alias {@code t}) that every row the night's rows replace meets.
     */
    Column of(Dataset<Row> night, String target) {
        String year = years.column();
        Row summary =
                night.agg(min(key), max(key), collect_set(year), max(col(year).isNull())).head();
        String lowest = summary.getString(0);
        String highest = summary.getString(1);
        TreeSet<String> inPlay = new TreeSet<>(summary.<String>getList(2));
        boolean nullYearInPlay = summary.getBoolean(3);

        Column otherYear =
                inPlay.isEmpty() ? col(year).isNotNull() : not(col(year).isin(inPlay.toArray()));
        if (!nullYearInPlay) {
            otherYear = otherYear.or(col(year).isNull());
        }
        List<Row> movedFrom =
                DeltaTables.read(spark, target)
                        .where(col(key).between(lowest, highest).and(otherYear))
                        .join(
                                night.select(col(key).as("night_key")),
                                col(key).equalTo(col("night_key")),
                                "left_semi")
                        .select(year)
                        .distinct()
                        .collectAsList();
        for (Row r : movedFrom) {
            if (r.isNullAt(0)) {
                nullYearInPlay = true;
            } else {
                inPlay.add(r.getString(0));
            }
        }
        LOG.info(
                "conformed {}: MERGE opens years {}{} and ids {} to {}",
                contract.table(),
                inPlay,
                nullYearInPlay ? " and the undated" : "",
                lowest,
                highest);

        Column t = col("t." + year);
        Column yearsInPlay = inPlay.isEmpty() ? t.isNull() : t.isin(inPlay.toArray());
        if (nullYearInPlay && !inPlay.isEmpty()) {
            yearsInPlay = yearsInPlay.or(t.isNull());
        }
        return yearsInPlay.and(col("t." + key).between(lowest, highest));
    }
}
