package org.ccft.sat;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.staging.Quarantine;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.item.file.FlatFileParseException;
import scala.collection.JavaConverters;

/** Sends every SAT row the chunk step skips to quarantine, with its line and rule. */
public class SatQuarantineListener implements SkipListener<SatMonthRow, SatMonthRow> {

    public static final String FILE = "sat/ehcp_monthly.csv";

    private final SparkSession spark;
    private final String quarantinePath;
    private final String runTag;

    public SatQuarantineListener(SparkSession spark, String quarantinePath, long jobInstanceId) {
        this.spark = spark;
        this.quarantinePath = quarantinePath;
        this.runTag = runTag(jobInstanceId);
    }

    /**
     * The export_id the SAT file's quarantined rows carry: the SAT file has no export of its own.
     */
    public static String runTag(long jobInstanceId) {
        return "sat-run-" + jobInstanceId;
    }

    @Override
    public void onSkipInRead(Throwable t) {
        if (t instanceof FlatFileParseException p) {
            quarantine(p.getLineNumber(), "csv_format", null);
        }
    }

    @Override
    public void onSkipInProcess(SatMonthRow item, Throwable t) {
        if (t instanceof SatRowRejected r) {
            quarantine(r.line(), r.rule(), r.month());
        }
    }

    private void quarantine(long line, String rule, String month) {
        var row =
                RowFactory.create(
                        "ehcp_monthly",
                        runTag,
                        FILE,
                        line,
                        month,
                        rule,
                        JavaConverters.asScalaBuffer(List.of(rule)).toSeq());
        var df = spark.createDataFrame(List.of(row), StructType.fromDDL(Quarantine.COLUMNS));
        DeltaTables.replaceWhere(
                df,
                quarantinePath,
                "source_table = 'ehcp_monthly' AND export_id = '"
                        + runTag
                        + "' AND line = "
                        + line);
    }
}
