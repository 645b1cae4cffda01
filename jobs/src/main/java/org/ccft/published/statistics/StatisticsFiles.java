package org.ccft.published.statistics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ccft.published.DuckDb;

/**
 * Writes the statistics tables as DfE publishes them: {@code <table>.csv} (UTF-8 with a byte-order
 * mark) and {@code <table>.meta.csv} in one folder, each checked against explore education
 * statistics' conventions before it may leave ({@link EesConventions}: a problem stops the
 * publish); and each as Parquet beside the public marts, every cell text as in the CSV, for SQL and
 * the serving database.
 */
public final class StatisticsFiles {

    private StatisticsFiles() {}

    public static void write(
            Connection db, List<StatisticsTables.Table> tables, Path folder, Path parquet)
            throws IOException, SQLException {
        Files.createDirectories(folder);
        List<String> problems = new ArrayList<>();
        for (StatisticsTables.Table t : tables) {
            Path csv = folder.resolve(t.name() + ".csv");
            List<List<String>> data = new ArrayList<>(List.of(t.columns()));
            data.addAll(t.rows());
            print(csv, data);
            List<List<String>> meta = new ArrayList<>(List.of(EesConventions.META_COLUMNS));
            t.filters()
                    .forEach(
                            f ->
                                    meta.add(
                                            List.of(
                                                    f,
                                                    "Filter",
                                                    t.labels().get(f),
                                                    "",
                                                    "",
                                                    "",
                                                    "",
                                                    "")));
            t.indicators()
                    .forEach(
                            i ->
                                    meta.add(
                                            List.of(
                                                    i,
                                                    "Indicator",
                                                    t.labels().get(i),
                                                    "",
                                                    "",
                                                    "0",
                                                    "",
                                                    "")));
            print(folder.resolve(t.name() + ".meta.csv"), meta);
            problems.addAll(EesConventions.check(csv));
            try (Statement sql = db.createStatement()) {
                sql.execute(
                        "COPY (SELECT * FROM read_csv("
                                + DuckDb.literal(csv.toString())
                                + ", header = true, all_varchar = true)) TO "
                                + DuckDb.literal(parquet.resolve(t.name() + ".parquet").toString())
                                + " (FORMAT parquet, COMPRESSION zstd)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "the public statistics tables break explore education statistics' conventions: "
                            + String.join(
                                    "; ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    /** A CSV file as DfE publishes them: UTF-8 with a byte-order mark, one record a line. */
    private static void print(Path file, List<List<String>> records) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p =
                        CSVFormat.RFC4180.builder().setRecordSeparator("\n").build().print(out)) {
            out.write('\uFEFF');
            for (List<String> r : records) {
                p.printRecord(r);
            }
        }
    }
}
