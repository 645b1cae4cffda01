package org.ccft.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.nightly.ExitCode;
import org.ccft.published.DataDictionary;
import org.ccft.published.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "dictionary",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the data dictionary of the published marts: each mart's definition, grain, the",
            "report figures it gives, and every column with its type and meaning (Markdown or JSON)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:bad command line", "4:nothing is published yet"})
public final class DictionaryCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DictionaryCommand.class);

    enum Format {
        markdown,
        json
    }

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--format",
            defaultValue = "markdown",
            description = "markdown or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--output", description = "write to this file instead of stdout")
    Path output;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            var published =
                    new Publication(layout, spark.sparkContext().hadoopConfiguration()).current();
            if (published.isEmpty()) {
                LOG.error(
                        "nothing is published in {} yet: run `ccft nightly` first", layout.root());
                return ExitCode.QUERY_FAILED;
            }
            DataDictionary dictionary =
                    DataDictionary.of(spark, layout, published.get())
                            .withPolicy(
                                    ctx.getBean(CcftProperties.class)
                                            .getDisclosure()
                                            .policy()
                                            .describe());
            String text = format == Format.json ? dictionary.json() : dictionary.markdown();
            if (output != null) {
                Files.writeString(output, text, StandardCharsets.UTF_8);
                LOG.info("data dictionary written to {}", output);
            } else {
                System.out.print(text);
            }
            return ExitCode.OK;
        }
    }
}
