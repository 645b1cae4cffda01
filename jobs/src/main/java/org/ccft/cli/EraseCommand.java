package org.ccft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.MartSettings;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.RunLock;
import org.ccft.operations.Erasure;
import org.ccft.operations.ErasureRecord;
import org.ccft.operations.ErasureRegister;
import org.ccft.published.Publication;
import org.ccft.published.PublicationTags;
import org.ccft.published.Republisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "erase",
        mixinStandardHelpOptions = true,
        description = {
            "Erases a person's records (UK GDPR art. 17): every row of the cases or records named, in raw,",
            "staging, quarantine and conformed, with their actions and contacts; then every earlier version of",
            "those tables, so no file under the warehouse holds them; then builds and publishes the marts",
            "without them. Writes an erasure record (ops/erasures/: the request's reference, when, rows per",
            "table; no reference to the person) and prints it on stdout. The CMS must erase its own copy, and",
            "every later drop is checked against the erasure register (ops/erasures/register.json: keyed",
            "hashes of the cases and records, never the references) and a row of an erased case is refused",
            "before it reaches raw, counted in the night's summary. Takes the nightly run's lock.",
            "--list shows the erasures done, by request and date."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:erased (the record says how many rows; 0 when nothing was held)",
            "1:failed",
            "2:bad command line",
            "6:a nightly run is going on this warehouse; nothing was done"
        })
public final class EraseCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EraseCommand.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec CommandSpec spec;

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--case-ref",
            paramLabel = "REF",
            description = "a case to erase, every stage (repeatable)")
    List<String> caseRefs = List.of();

    @Option(
            names = "--record-id",
            paramLabel = "ID",
            description = "a record to erase (repeatable)")
    List<String> recordIds = List.of();

    @Option(
            names = "--list",
            description =
                    "list the erasures done (request, date, cases and records named) and stop")
    boolean list;

    @Option(
            names = "--request",
            paramLabel = "REF",
            description =
                    "the erasure request's own reference (a ticket number), kept in the erasure record")
    String request;

    @Override
    public Integer call() throws Exception {
        if (list) {
            return list();
        }
        if (request == null) {
            throw new ParameterException(
                    spec.commandLine(), "give the erasure request's reference (--request)");
        }
        Erasure.Request asked;
        try {
            asked = new Erasure.Request(set(caseRefs), set(recordIds), request);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            try (RunLock lock = ctx.getBean(RunLock.Source.class).acquire()) {
                String when = Instant.now().toString();
                var removed =
                        new Erasure(spark, layout)
                                .erase(
                                        asked,
                                        new ErasureRegister(
                                                layout, spark.sparkContext().hadoopConfiguration()),
                                        MartSettings.of(ctx.getBean(CcftProperties.class)).key(),
                                        when);
                Optional<Publication.Published> published =
                        new Republisher(spark, layout, ctx.getBean(CcftProperties.class))
                                .republish();
                WarehouseFiles files =
                        new WarehouseFiles(spark.sparkContext().hadoopConfiguration());
                int tags =
                        new PublicationTags(layout, spark.sparkContext().hadoopConfiguration())
                                .all()
                                .size();
                int releases = Math.max(0, earlierReleases(layout, spark));
                ErasureRecord record =
                        Erasure.record(
                                asked,
                                when,
                                removed,
                                published.map(Publication.Published::release).orElse(null),
                                tags,
                                releases);
                files.write(
                        layout.erasures() + "/" + record.erasedAt().replace(':', '-') + ".json",
                        JSON.writeValueAsString(record));
                record.lines().forEach(System.out::println);
                return ExitCode.OK;
            } catch (RunLock.Held held) {
                LOG.error(held.getMessage());
                return ExitCode.RUN_IN_PROGRESS;
            }
        }
    }

    /** The erasure records, oldest first, and how many keys the register holds. */
    private int list() throws IOException {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            var hadoop = ctx.getBean(SparkSession.class).sparkContext().hadoopConfiguration();
            WarehouseFiles files = new WarehouseFiles(hadoop);
            List<ErasureRecord> records = new ArrayList<>();
            for (String file : files.list(layout.erasures())) {
                if (file.matches(".*/[0-9][^/]*\\.json")) {
                    records.add(
                            JSON.readValue(files.read(file).orElseThrow(), ErasureRecord.class));
                }
            }
            records.sort(Comparator.comparing(ErasureRecord::erasedAt));
            System.out.println("request\terased at\tcases named\trecords named");
            records.forEach(
                    r ->
                            System.out.println(
                                    r.request()
                                            + "\t"
                                            + r.erasedAt()
                                            + "\t"
                                            + r.casesNamed()
                                            + "\t"
                                            + r.recordsNamed()));
            int held = new ErasureRegister(layout, hadoop).entries().size();
            LOG.info(
                    "{} erasure(s); the register holds {} keyed hash(es) of cases and records",
                    records.size(),
                    held);
            return ExitCode.OK;
        }
    }

    /** Release folders other than the current one. */
    private static int earlierReleases(WarehouseLayout layout, SparkSession spark)
            throws IOException {
        Path folder = new Path(layout.publishedReleases());
        FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.exists(folder)
                ? (int) Arrays.stream(fs.listStatus(folder)).filter(FileStatus::isDirectory).count()
                        - 1
                : 0;
    }

    private static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(values);
    }
}
