package org.ccft.staging;

import static org.apache.spark.sql.functions.broadcast;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.RowRules;
import org.ccft.raw.CmsCsvParser;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a batch of raw rows by the contract: good rows go on, typed and without personal data, to
 * the staging table the MERGE reads; bad rows go to quarantine with their rules. Nothing is
 * dropped: per drop, raw = staged + quarantined.
 */
public final class RowValidation {

    private static final Logger LOG = LoggerFactory.getLogger(RowValidation.class);

    /** What validation did with a batch of one file's rows, and how each rule fared. */
    public record Counts(long accepted, long quarantined, List<CheckOutcome> outcomes) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final Map<String, List<String>> codeLists;
    private final RowRules rowRules;

    public RowValidation(
            SparkSession spark,
            WarehouseLayout layout,
            Map<String, List<String>> codeLists,
            RowRules rowRules) {
        this.spark = spark;
        this.layout = layout;
        this.codeLists = codeLists;
        this.rowRules = rowRules;
    }

    /**
     * Empties the file's staging table, for a night none of whose drops has a row of the file: the
     * MERGE and the drop checks then find no row of it. Nothing is checked, and quarantine is left
     * alone (it can hold no row of the file from tonight's drops).
     */
    public void clear(FileContract contract) {
        ContractRules rules = new ContractRules(contract, codeLists);
        DeltaTables.overwrite(
                spark.createDataFrame(List.of(), new CmsCsvParser(contract).rawSchema())
                        .selectExpr(rules.conformedColumns().toArray(String[]::new)),
                layout.staging(contract.table()));
        LOG.info("{}: no rows tonight", contract.file());
    }

    /**
     * @param raw the batch's raw rows of one contract file
     * @param asOf one row per drop: export_id, _as_of_date (the date of its extracted_at)
     * @return how many rows were accepted and quarantined, and each rule's outcome
     */
    public Counts validate(
            FileContract contract,
            Dataset<Row> raw,
            Dataset<Row> asOf,
            List<String> exportIds,
            long runId) {
        ContractRules rules = new ContractRules(contract, codeLists);
        String key = "`" + contract.key() + "`";
        String content =
                contract.columns().stream()
                        .map(ColumnSpec::name)
                        .map(n -> "coalesce(`" + n + "`, '\\u0000')")
                        .reduce((a, b) -> a + ", " + b)
                        .orElseThrow();
        Dataset<Row> prepared =
                raw.join(broadcast(asOf), "export_id")
                        .selectExpr(
                                "*", "sha2(concat_ws('\\u0001', " + content + "), 256) AS _content")
                        .selectExpr(
                                "*",
                                "size(collect_set(_content) OVER (PARTITION BY export_id, "
                                        + key
                                        + ")) AS _versions_in_drop");
        long accepted;
        long quarantined;
        List<CheckOutcome> outcomes;
        // The rows as checked are held in memory until the good and the bad have been written.
        try (RowRules.Result result =
                rowRules.check(contract.table(), prepared, rules.rules(), runId)) {
            Dataset<Row> checked = result.rows();
            Dataset<Row> good =
                    checked.where("size(_violations) = 0")
                            .selectExpr(rules.conformedColumns().toArray(String[]::new));
            Dataset<Row> bad =
                    checked.where("size(_violations) > 0")
                            .selectExpr(
                                    "'" + contract.table() + "' AS source_table",
                                    "export_id",
                                    "file",
                                    "line",
                                    key + " AS record_key",
                                    "_violations[0] AS rule",
                                    "_violations AS rules");

            DeltaTables.overwrite(good, layout.staging(contract.table()));
            new Quarantine(spark, layout).replace(contract.table(), exportIds, bad);
            Row counted =
                    checked.selectExpr(
                                    "count_if(size(_violations) = 0)",
                                    "count_if(size(_violations) > 0)")
                            .head();
            accepted = counted.getLong(0);
            quarantined = counted.getLong(1);
            outcomes = result.outcomes();
        }
        LOG.info("{}: {} rows accepted, {} quarantined", contract.file(), accepted, quarantined);
        return new Counts(accepted, quarantined, outcomes);
    }
}
