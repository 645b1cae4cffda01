package org.ccft.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ccft.benchmark.DuckDbYardstick;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "yardstick",
        mixinStandardHelpOptions = true,
        description = {
            "Computes the eight standard marts with DuckDB straight from a landing area, with the",
            "contract's rules (no Spark, no warehouse), and with --warehouse compares them with the marts",
            "that warehouse published. Prints a CSV on stdout: mart, rows computed, rows published, same;",
            "the time it took and the first rows that differ on stderr. bin/benchmark runs it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:computed (and, with --warehouse, every mart the same)",
            "1:a mart differs from the warehouse's",
            "2:bad command line",
            "4:the warehouse has published nothing"
        })
public final class YardstickCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(YardstickCommand.class);

    @Option(names = "--landing", required = true, description = "the landing area to load")
    Path landing;

    @Option(
            names = "--warehouse",
            description = "compare with the marts this warehouse published (a local folder)")
    String warehouse;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        DuckDbYardstick.Figures figures = new DuckDbYardstick(landing).compute();
        LOG.info(
                "DuckDB: {} drops loaded, {} refused, {} rows read, 8 marts in {} ms",
                figures.dropsLoaded().size(),
                figures.dropsRefused().size(),
                figures.rowsRead(),
                (System.nanoTime() - started) / 1_000_000);
        figures.dropsRefused().forEach((drop, why) -> LOG.warn("drop {} refused: {}", drop, why));
        MartReader published = null;
        if (warehouse != null) {
            try {
                published = MartReader.open(warehouse, Audience.INTERNAL, null);
            } catch (RefusedQuery e) {
                LOG.error("{}", e.getMessage());
                return ExitCode.QUERY_FAILED;
            }
        }
        System.out.println("mart,rows,published_rows,same");
        boolean allSame = true;
        for (Map.Entry<String, List<String>> mart : figures.marts().entrySet()) {
            if (published == null) {
                System.out.println(mart.getKey() + "," + mart.getValue().size() + ",,");
                continue;
            }
            List<String> theirs = publishedRows(published, mart.getKey());
            boolean same = theirs.equals(mart.getValue());
            allSame &= same;
            System.out.println(
                    mart.getKey()
                            + ","
                            + mart.getValue().size()
                            + ","
                            + theirs.size()
                            + ","
                            + same);
            if (!same) {
                firstDifference(mart.getKey(), mart.getValue(), theirs);
            }
        }
        return allSame ? ExitCode.OK : ExitCode.FAILED;
    }

    /** A published mart's rows, its contract columns only, as the yardstick writes its own. */
    private static List<String> publishedRows(MartReader reader, String mart) throws RefusedQuery {
        String columns = String.join(", ", DuckDbYardstick.CONTRACT_MARTS.get(mart));
        return reader.answer("SELECT " + columns + " FROM " + mart).rows().stream()
                .map(
                        row -> {
                            StringBuilder line = new StringBuilder();
                            for (int i = 0; i < row.length; i++) {
                                line.append(i == 0 ? "" : ",").append(DuckDbYardstick.text(row[i]));
                            }
                            return line.toString();
                        })
                .sorted()
                .toList();
    }

    private static void firstDifference(String mart, List<String> ours, List<String> theirs) {
        Set<String> oursSet = new HashSet<>(ours);
        Set<String> theirsSet = new HashSet<>(theirs);
        List<String> onlyOurs = ours.stream().filter(r -> !theirsSet.contains(r)).limit(5).toList();
        List<String> onlyTheirs =
                theirs.stream().filter(r -> !oursSet.contains(r)).limit(5).toList();
        LOG.error(
                "{} differs: DuckDB alone has {}; the warehouse alone has {}",
                mart,
                onlyOurs,
                onlyTheirs);
    }
}
