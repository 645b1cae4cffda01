package org.ccft.sat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * The chunk step's writer: each chunk of valid SAT rows replaces the same lines of this job
 * instance's staging rows, so a chunk written again after a restart is not written twice.
 */
public class SatStagingWriter implements ItemWriter<SatMonthRow> {

    static final StructType SCHEMA =
            StructType.fromDDL(
                    "job_instance_id BIGINT, line BIGINT, month STRING, "
                            + "requests_received BIGINT, assessments_agreed BIGINT, plans_issued BIGINT, "
                            + "plans_issued_within_20_weeks BIGINT, plans_maintained BIGINT");

    private final SparkSession spark;
    private final String stagingPath;
    private final long jobInstanceId;

    public SatStagingWriter(SparkSession spark, String stagingPath, long jobInstanceId) {
        this.spark = spark;
        this.stagingPath = stagingPath;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends SatMonthRow> chunk) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (SatMonthRow r : chunk) {
            rows.add(
                    RowFactory.create(
                            jobInstanceId,
                            r.line(),
                            r.get("month"),
                            count(r, "requests_received"),
                            count(r, "assessments_agreed"),
                            count(r, "plans_issued"),
                            count(r, "plans_issued_within_20_weeks"),
                            count(r, "plans_maintained")));
            lines.add(String.valueOf(r.line()));
        }
        DeltaTables.replaceWhere(
                spark.createDataFrame(rows, SCHEMA),
                stagingPath,
                "job_instance_id = "
                        + jobInstanceId
                        + " AND line IN ("
                        + String.join(", ", lines)
                        + ")");
    }

    private static Long count(SatMonthRow r, String column) {
        String v = r.get(column);
        return v == null ? null : Long.parseLong(v);
    }
}
