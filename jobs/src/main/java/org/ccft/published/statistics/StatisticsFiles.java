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
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    CSVPrinter p =
                            CSVFormat.RFC4180
                                    .builder()
                                    .setRecordSeparator("\n")
                                    .build()
                                    .print(out)) {
                out.write('\uFEFF');
                p.printRecord(t.columns());
                for (List<String> row : t.rows()) {
                    p.printRecord(row);
                }
            }
            try (Writer out =
                            Files.newBufferedWriter(
                                    folder.resolve(t.name() + ".meta.csv"),
                                    StandardCharsets.UTF_8);
                    CSVPrinter p =
                            CSVFormat.RFC4180
                                    .builder()
                                    .setRecordSeparator("\n")
                                    .build()
                                    .print(out)) {
                out.write('\uFEFF');
                p.printRecord(EesConventions.META_COLUMNS);
                for (String f : t.filters()) {
                    p.printRecord(f, "Filter", t.labels().get(f), "", "", "", "", "");
                }
                for (String i : t.indicators()) {
                    p.printRecord(i, "Indicator", t.labels().get(i), "", "", "0", "", "");
                }
            }
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
}
