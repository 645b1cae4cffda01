package org.ccft.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.marts.Publication;
import org.ccft.marts.PublicationTags;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs Spark SQL over the published marts (by their names in marts.md) and prints CSV",
                "with a header on stdout. Logs go to stderr. --as-of TAG: the marts as that tag published them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:bad command line", "4:the query failed, nothing is published yet, or no such tag"})
public final class SqlCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(names = "--as-of", paramLabel = "TAG",
            description = "the marts as a tag has them (ccft publish --tag), instead of as published now")
    String asOf;

    @Parameters(index = "0", paramLabel = "QUERY", description = "e.g. \"SELECT * FROM at_a_glance\"")
    String query;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            try {
                if (asOf != null) {
                    new PublicationTags(layout, spark.sparkContext().hadoopConfiguration()).registerViews(spark, asOf);
                } else {
                    new Publication(layout, spark.sparkContext().hadoopConfiguration()).registerViews(spark);
                }
                print(spark.sql(query), System.out);
                return ExitCode.OK;
            } catch (Exception e) {
                // Spark raises AnalysisException and ParseException undeclared, from Scala.
                if (e instanceof IllegalStateException || e instanceof org.apache.spark.sql.AnalysisException
                        || e.getClass().getName().endsWith("ParseException")) {
                    LOG.error("query failed: {}", e.getMessage().lines().findFirst().orElse(""));
                    return ExitCode.QUERY_FAILED;
                }
                throw e;
            }
        }
    }

    /** The result as RFC 4180 CSV with a header; nulls as empty fields. */
    public static void print(Dataset<Row> result, PrintStream out) throws IOException {
        String[] columns = result.columns();
        List<Row> rows = result.collectAsList();
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns).build());
        for (Row r : rows) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = r.isNullAt(i) ? null : r.get(i);
            }
            csv.printRecord(values);
        }
        csv.flush();
    }
}
