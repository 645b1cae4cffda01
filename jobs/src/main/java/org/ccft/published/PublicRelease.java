package org.ccft.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccft.marts.Audience;
import org.ccft.marts.Disclosure;
import org.ccft.published.disclosure.Attack;
import org.ccft.published.disclosure.CountTable;
import org.ccft.published.disclosure.PublicFigures;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.published.statistics.StatisticsFiles;
import org.ccft.published.statistics.StatisticsTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public audience's files of a release, {@code public/} beside {@code internal/}: every public
 * mart the disclosure step lets out, after one suppression over all of them ({@link PublicFigures})
 * under the council's policy, and the same figures as statistics tables.
 *
 * <ul>
 *   <li>{@code public/statistics/<table>.csv} and {@code .meta.csv}: the figures as DfE publishes
 *       statistics ({@link StatisticsTables}), the public's CSV files, each checked against explore
 *       education statistics' conventions;
 *   <li>{@code public/parquet/<mart>.parquet}: the mart's columns and types, a suppressed figure
 *       null, and one more column, {@code suppressed}, naming the row's columns shown as {@code c}
 *       (what the public site, report and SQL read), and each statistics table as text;
 *   <li>{@code public/ccft-marts-public.xlsx}: the public marts, {@code c} in the cell;
 *   <li>{@code public/disclosure.json}: the policy, how many figures are published, exact,
 *       suppressed and why, the identities used, per mart how many cells are {@code c}, which marts
 *       are exempt and which withheld (never a suppressed value).
 * </ul>
 *
 * Before anything is written the whole release is attacked with every identity, declared and mined:
 * a figure the attack works out stops the publish.
 *
 * <p>The marts are aggregates of a few hundred rows: they are read into memory once, from the
 * release's own Parquet files, and the suppression is solved there.
 */
public final class PublicRelease {

    private static final Logger LOG = LoggerFactory.getLogger(PublicRelease.class);

    public static final String FOLDER = "public";
    public static final String WORKBOOK = "ccft-marts-public.xlsx";
    public static final String SUPPRESSED = "suppressed";

    private final PublicationPolicy policy;
    private final StatisticsTables.Council place;

    public PublicRelease(PublicationPolicy policy, StatisticsTables.Council place) {
        this.policy = policy;
        this.place = place;
    }

    /** Writes {@code public/} in the staged release, from its {@code internal/parquet} files. */
    public PublicFigures.Outcome write(
            Connection db, Path release, DataDictionary dictionary, String title)
            throws SQLException, IOException {
        Files.createDirectories(release.resolve(FOLDER + "/parquet"));
        PublicFigures figures = new PublicFigures(policy);
        Map<String, Disclosure> published = new LinkedHashMap<>();
        Map<String, Disclosure> withheld = new LinkedHashMap<>();
        for (DataDictionary.Entry e : dictionary.entries()) {
            if (e.definition().readers() != Audience.PUBLIC) {
                continue;
            }
            Disclosure d = e.definition().disclosure();
            (d.isWithheld() ? withheld : published).put(e.mart(), d);
            if (!d.isWithheld()) {
                figures.add(read(db, e.mart(), d, internal(release, e.mart())));
            }
        }
        PublicFigures.Outcome outcome = figures.suppress();
        CountTable table = outcome.table();
        Map<String, Long> derivable = Attack.derivable(table, outcome.result().suppressed());
        if (!derivable.isEmpty()) {
            // The attack with every identity found: a figure it can work out must not leave.
            throw new IllegalStateException(
                    "disclosure control: "
                            + derivable.size()
                            + " protected figures could be worked out from the public release, "
                            + "the first at "
                            + outcome.placeOf()
                                    .getOrDefault(derivable.keySet().iterator().next(), "a total")
                            + "; nothing is published");
        }
        long shownFigures = table.cells().values().stream().filter(c -> !c.hidden()).count();
        long aboveThreshold =
                table.cells().values().stream()
                        .filter(c -> !c.hidden() && c.value() > policy.threshold())
                        .count();
        long aboveSuppressed =
                outcome.result().secondary().stream()
                        .filter(id -> table.get(id).value() > policy.threshold())
                        .count();
        ObjectNode report =
                new ObjectMapper()
                        .createObjectNode()
                        .put("threshold", policy.threshold())
                        .put("policy", policy.describe())
                        .put("figures_published", shownFigures)
                        .put(
                                "figures_exact_by_policy",
                                table.cells().values().stream()
                                        .filter(c -> !c.hidden() && c.exempt())
                                        .count())
                        .put("suppressed_cells", outcome.result().suppressed().size())
                        .put("primary", outcome.result().primary().size())
                        .put("secondary", outcome.result().secondary().size())
                        .put(
                                "shown_because_exact_figures_fix_them",
                                outcome.result().shownBecauseExempt().size())
                        .put("figures_above_threshold", aboveThreshold)
                        .put("above_threshold_suppressed", aboveSuppressed)
                        .put(
                                "above_threshold_suppressed_share",
                                aboveThreshold == 0
                                        ? 0
                                        : Math.round(1000.0 * aboveSuppressed / aboveThreshold)
                                                / 1000.0)
                        .put("identities_declared_and_mined", table.identities().size())
                        .put("identities_mined_within_a_period", outcome.mined().withinPeriod())
                        .put("identities_mined_between_periods", outcome.mined().betweenPeriods());
        ObjectNode marts = report.putObject("marts");
        try (Statement sql = db.createStatement();
                MartWorkbook workbook =
                        new MartWorkbook(
                                release.resolve(FOLDER + "/" + WORKBOOK),
                                dictionary,
                                title,
                                published.keySet())) {
            for (Map.Entry<String, Disclosure> m : published.entrySet()) {
                String mart = m.getKey();
                List<Set<String>> decisions = outcome.decisions().get(mart).suppressedColumns();
                Path parquet = release.resolve(FOLDER + "/parquet/" + mart + ".parquet");
                writeParquet(db, internal(release, mart), decisions, parquet);
                try (ResultSet rows =
                        sql.executeQuery(shownQuery(parquet, decisions) + " ORDER BY ALL")) {
                    workbook.sheet(mart, rows);
                }
                long cells = decisions.stream().mapToLong(Set::size).sum();
                marts.putObject(mart)
                        .put("suppressed_cells", cells)
                        .put("exempt", m.getValue().isExempt() ? m.getValue().exempt() : null);
            }
        }
        withheld.forEach((mart, d) -> marts.putObject(mart).put("withheld", d.withheld()));
        List<StatisticsTables.Table> tables =
                new StatisticsTables(policy, place).of(table, outcome.result());
        Path statistics = release.resolve(FOLDER + "/" + StatisticsTables.FOLDER);
        StatisticsFiles.write(db, tables, statistics, release.resolve(FOLDER + "/parquet"));
        ArrayNode listed = report.putArray("statistics_tables");
        tables.forEach(t -> listed.add(t.name()));
        Files.writeString(
                release.resolve(FOLDER + "/disclosure.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        LOG.info(
                "public release: {} marts and {} statistics tables, {} cells shown as c ({} below the "
                        + "threshold, {} to protect them), {} withheld",
                published.size(),
                tables.size(),
                outcome.result().suppressed().size(),
                outcome.result().primary().size(),
                outcome.result().secondary().size(),
                withheld.size());
        if (!outcome.result().shownBecauseExempt().isEmpty()) {
            LOG.info(
                    "public release: {} small counts shown because figures published exactly fix them",
                    outcome.result().shownBecauseExempt().size());
        }
        return outcome;
    }

    private static Path internal(Path release, String mart) {
        return release.resolve("internal/parquet/" + mart + ".parquet");
    }

    /** A mart's rows in file order. */
    static PublicFigures.MartRows read(Connection db, String mart, Disclosure d, Path parquet)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement sql = db.createStatement();
                ResultSet rs =
                        sql.executeQuery(
                                "SELECT * FROM read_parquet("
                                        + DuckDb.literal(parquet.toString())
                                        + ", file_row_number = true) ORDER BY file_row_number")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!meta.getColumnName(i).equals("file_row_number")) {
                    columns.add(meta.getColumnName(i));
                }
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String c : columns) {
                    row.put(c, rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return new PublicFigures.MartRows(mart, d, columns, rows);
    }

    /** The mart's rows with each suppressed figure null, and the {@code suppressed} column. */
    private static void writeParquet(
            Connection db, Path internal, List<Set<String>> decisions, Path parquet)
            throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute(
                    "CREATE OR REPLACE TEMP TABLE suppressed_cells (row_number BIGINT, column_name VARCHAR)");
        }
        Set<String> touched = new LinkedHashSet<>();
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO suppressed_cells VALUES (?, ?)")) {
            for (int i = 0; i < decisions.size(); i++) {
                for (String column : decisions.get(i)) {
                    insert.setLong(1, i);
                    insert.setString(2, column);
                    insert.addBatch();
                    touched.add(column);
                }
            }
            insert.executeBatch();
        }
        String replace =
                touched.stream()
                        .map(
                                c ->
                                        "CASE WHEN file_row_number IN (SELECT row_number FROM "
                                                + "suppressed_cells WHERE column_name = "
                                                + DuckDb.literal(c)
                                                + ") THEN NULL ELSE "
                                                + DuckDb.identifier(c)
                                                + " END AS "
                                                + DuckDb.identifier(c))
                        .collect(Collectors.joining(", "));
        String select =
                "SELECT * EXCLUDE (file_row_number)"
                        + (touched.isEmpty() ? "" : " REPLACE (" + replace + ")")
                        + ", coalesce((SELECT string_agg(column_name, ',' ORDER BY column_name) FROM suppressed_cells s "
                        + "WHERE s.row_number = m.file_row_number), '') AS "
                        + SUPPRESSED
                        + " FROM read_parquet("
                        + DuckDb.literal(internal.toString())
                        + ", file_row_number = true) m "
                        + "ORDER BY file_row_number";
        try (Statement sql = db.createStatement()) {
            sql.execute(
                    "COPY ("
                            + select
                            + ") TO "
                            + DuckDb.literal(parquet.toString())
                            + " (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    /**
     * The public rows as people read them: {@code c} where a figure is suppressed, no marker
     * column.
     */
    private static String shownQuery(Path parquet, List<Set<String>> decisions) {
        Set<String> columns = new LinkedHashSet<>();
        decisions.forEach(columns::addAll);
        String replace =
                columns.stream()
                        .map(
                                c ->
                                        "CASE WHEN list_contains(string_split("
                                                + SUPPRESSED
                                                + ", ','), "
                                                + DuckDb.literal(c)
                                                + ") THEN 'c' ELSE CAST("
                                                + DuckDb.identifier(c)
                                                + " AS VARCHAR) END AS "
                                                + DuckDb.identifier(c))
                        .collect(Collectors.joining(", "));
        return "SELECT * EXCLUDE ("
                + SUPPRESSED
                + ")"
                + (columns.isEmpty() ? "" : " REPLACE (" + replace + ")")
                + " FROM read_parquet("
                + DuckDb.literal(parquet.toString())
                + ")";
    }
}
