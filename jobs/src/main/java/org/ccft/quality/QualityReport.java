package org.ccft.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.quality.CheckOutcome.Status;
import org.ccft.sat.SatQuarantineListener;
import org.ccft.staging.Quarantine;
import org.ccft.text.HtmlText;

/**
 * One run's data quality, as {@code ccft dq} shows it: the verdict, every check with its status,
 * severity and figures, and the quarantine of the run's drops by rule (and, in JSON, row by row:
 * table, record key, drop, file, line and rule; never a row's content). The SAT file's rows
 * quarantined in the run are included.
 */
public final class QualityReport {

    /** Rows of one table that broke one rule. */
    public record QuarantineCount(String table, String rule, long rows) {}

    /** A quarantined row, by where it is; no content. */
    public record QuarantinedRow(
            String table,
            String recordKey,
            String exportId,
            String file,
            long line,
            String rule,
            List<String> rules) {}

    private final QualityResults.Run run;
    private final List<CheckOutcome> outcomes;
    private final List<QuarantineCount> byRule;
    private final List<QuarantinedRow> rows;

    QualityReport(
            QualityResults.Run run,
            List<CheckOutcome> outcomes,
            List<QuarantineCount> byRule,
            List<QuarantinedRow> rows) {
        this.run = run;
        this.outcomes = outcomes;
        this.byRule = byRule;
        this.rows = rows;
    }

    /**
     * The report of one run, or of the latest when {@code runId} is null; null when no run was
     * checked.
     */
    public static QualityReport of(SparkSession spark, WarehouseLayout layout, Long runId) {
        QualityResults results = new QualityResults(spark, layout);
        var run = runId == null ? results.latestRun() : results.run(runId);
        if (run.isEmpty()) {
            return null;
        }
        List<String> drops = new ArrayList<>(run.get().exportIds());
        drops.add(
                SatQuarantineListener.runTag(run.get().runId())); // the SAT file's rows of that run
        var quarantined =
                new Quarantine(spark, layout)
                        .rows()
                        .where(functions.col("export_id").isin(drops.toArray()));
        List<QuarantineCount> byRule =
                quarantined
                        .groupBy("source_table", "rule")
                        .count()
                        .orderBy(
                                functions.col("count").desc(),
                                functions.col("source_table"),
                                functions.col("rule"))
                        .collectAsList()
                        .stream()
                        .map(r -> new QuarantineCount(r.getString(0), r.getString(1), r.getLong(2)))
                        .toList();
        List<QuarantinedRow> rows =
                quarantined.orderBy("export_id", "file", "line").collectAsList().stream()
                        .map(QualityReport::row)
                        .toList();
        return new QualityReport(run.get(), results.outcomes(run.get().runId()), byRule, rows);
    }

    private static QuarantinedRow row(Row r) {
        return new QuarantinedRow(
                r.getAs("source_table"),
                r.getAs("record_key"),
                r.getAs("export_id"),
                r.getAs("file"),
                r.<Long>getAs("line"),
                r.getAs("rule"),
                r.getList(r.fieldIndex("rules")));
    }

    public List<CheckOutcome> outcomes() {
        return outcomes;
    }

    public List<QuarantineCount> quarantineByRule() {
        return byRule;
    }

    public List<QuarantinedRow> quarantinedRows() {
        return rows;
    }

    /**
     * FAILED when a critical check broke, WARNED when a warning was raised or a drop refused, else
     * PASSED.
     */
    public String verdict() {
        return verdict(outcomes);
    }

    private static String verdict(List<CheckOutcome> outcomes) {
        if (outcomes.stream().anyMatch(CheckOutcome::failed)) {
            return "FAILED";
        }
        return outcomes.stream()
                        .anyMatch(o -> o.status() == Status.WARNED || o.status() == Status.REFUSED)
                ? "WARNED"
                : "PASSED";
    }

    /**
     * A run's verdict alone, from its recorded checks (no read of the quarantine, which the whole
     * report needs): what every page and report built from its publication shows. Null when no run
     * was checked.
     */
    public static String verdictOf(SparkSession spark, WarehouseLayout layout, long runId) {
        QualityResults results = new QualityResults(spark, layout);
        return results.run(runId).isEmpty() ? null : verdict(results.outcomes(runId));
    }

    private Map<Status, Long> tally() {
        Map<Status, Long> tally = new LinkedHashMap<>();
        Arrays.stream(Status.values()).forEach(s -> tally.put(s, 0L));
        outcomes.forEach(o -> tally.merge(o.status(), 1L, Long::sum));
        return tally;
    }

    /** "3 warned, 0 failed, 6 rows quarantined": the counts that matter at a glance. */
    public String tallyLine() {
        Map<Status, Long> tally = tally();
        return tally.get(Status.WARNED)
                + " warned, "
                + tally.get(Status.FAILED)
                + " failed, "
                + tally.get(Status.REFUSED)
                + " refused, "
                + rows.size()
                + " rows quarantined";
    }

    private String headline() {
        List<String> ids = run.exportIds();
        return "Data quality of run "
                + run.runId()
                + (run.asAt() == null ? "" : ", as at " + run.asAt())
                + ": "
                + verdict()
                + "\n"
                + "Drops checked: "
                + ids.size()
                + (ids.isEmpty() ? "" : " (" + ids.get(0) + " .. " + ids.get(ids.size() - 1) + ")")
                + "\n"
                + "Checks: "
                + String.join(
                        ", ",
                        tally().entrySet().stream()
                                .map(
                                        e ->
                                                e.getValue()
                                                        + " "
                                                        + e.getKey()
                                                                .name()
                                                                .toLowerCase(Locale.ROOT))
                                .toList())
                + "\n"
                + "Rows quarantined: "
                + rows.size()
                + "\n";
    }

    /**
     * Contract rules that passed are many and alike: the text report counts them instead of listing
     * them.
     */
    private static final Predicate<CheckOutcome> QUIET =
            o ->
                    o.status() == Status.PASSED
                            && ("contract".equals(o.step()) || "files".equals(o.step()));

    public String text() {
        StringBuilder b = new StringBuilder(headline()).append('\n');
        String format = "%-11s %-8s %-9s %-14s %-40s %-22s %s%n";
        b.append(
                String.format(
                        format,
                        "STATUS",
                        "SEVERITY",
                        "STEP",
                        "LAYER",
                        "CHECK",
                        "TABLE",
                        "FIGURES"));
        long quiet = 0;
        for (CheckOutcome o : outcomes) {
            if (QUIET.test(o)) {
                quiet++;
                continue;
            }
            b.append(
                    String.format(
                            format,
                            o.status(),
                            lower(o.severity().name()),
                            o.step(),
                            o.layer(),
                            o.check(),
                            o.table() == null ? "" : o.table(),
                            figures(o)));
        }
        b.append(quiet)
                .append(
                        " contract rules and file headers passed (ccft dq --format markdown lists them)\n");
        b.append("\nQuarantine by rule:\n");
        if (byRule.isEmpty()) {
            b.append("  none\n");
        }
        byRule.forEach(
                q ->
                        b.append(
                                String.format(
                                        "  %-18s %-40s %d rows%n", q.table(), q.rule(), q.rows())));
        return b.toString();
    }

    public String markdown() {
        StringBuilder b =
                new StringBuilder("# ")
                        .append(headline().lines().findFirst().orElse(""))
                        .append("\n\n");
        headline().lines().skip(1).forEach(l -> b.append("- ").append(l).append('\n'));
        b.append("\n## Checks\n\n| status | severity | step | layer | check | table | figures |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (CheckOutcome o : outcomes) {
            b.append("| ")
                    .append(
                            String.join(
                                    " | ",
                                    o.status().name(),
                                    lower(o.severity().name()),
                                    o.step(),
                                    o.layer(),
                                    "`" + o.check() + "`",
                                    o.table() == null ? "" : o.table(),
                                    figures(o).replace("|", "\\|")))
                    .append(" |\n");
        }
        b.append("\n## Quarantine by rule\n\n| table | rule | rows |\n| --- | --- | ---: |\n");
        byRule.forEach(
                q ->
                        b.append("| ")
                                .append(q.table())
                                .append(" | `")
                                .append(q.rule())
                                .append("` | ")
                                .append(q.rows())
                                .append(" |\n"));
        return b.toString();
    }

    public String html() {
        StringBuilder b =
                new StringBuilder(
                                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                        .append("<title>Data quality, run ")
                        .append(run.runId())
                        .append("</title>")
                        .append(
                                "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                        .append(
                                "padding:2px 6px;text-align:left}.FAILED{background:#f8d0d0}.WARNED,.REFUSED{background:#fbeec0}")
                        .append(".QUARANTINED{background:#e6ecf8}</style></head><body>\n");
        List<String> lines = headline().lines().toList();
        b.append("<h1>").append(HtmlText.escape(lines.get(0))).append("</h1>\n<ul>");
        lines.stream()
                .skip(1)
                .forEach(l -> b.append("<li>").append(HtmlText.escape(l)).append("</li>"));
        b.append(
                        "</ul>\n<h2>Checks</h2>\n<table><tr><th>status</th><th>severity</th><th>step</th><th>layer</th>")
                .append("<th>check</th><th>table</th><th>figures</th></tr>\n");
        for (CheckOutcome o : outcomes) {
            b.append("<tr class=\"").append(o.status()).append("\">");
            for (String cell :
                    List.of(
                            o.status().name(),
                            lower(o.severity().name()),
                            o.step(),
                            o.layer(),
                            o.check(),
                            o.table() == null ? "" : o.table(),
                            figures(o))) {
                b.append("<td>").append(HtmlText.escape(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append(
                "</table>\n<h2>Quarantine by rule</h2>\n<table><tr><th>table</th><th>rule</th><th>rows</th></tr>\n");
        byRule.forEach(
                q ->
                        b.append("<tr><td>")
                                .append(HtmlText.escape(q.table()))
                                .append("</td><td>")
                                .append(HtmlText.escape(q.rule()))
                                .append("</td><td>")
                                .append(q.rows())
                                .append("</td></tr>\n"));
        return b.append("</table>\n</body></html>\n").toString();
    }

    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode runNode = root.putObject("run");
        runNode.put("run_id", run.runId());
        runNode.put("as_at", run.asAt());
        runNode.put("recorded_at", run.recordedAt().toString());
        runNode.put("verdict", verdict());
        ArrayNode drops = runNode.putArray("export_ids");
        run.exportIds().forEach(drops::add);
        ObjectNode tally = root.putObject("tally");
        tally().forEach((s, n) -> tally.put(lower(s.name()), n));
        ArrayNode checks = root.putArray("checks");
        for (CheckOutcome o : outcomes) {
            ObjectNode c = checks.addObject();
            c.put("status", o.status().name());
            c.put("severity", lower(o.severity().name()));
            c.put("step", o.step());
            c.put("layer", o.layer());
            c.put("check", o.check());
            c.put("table", o.table());
            c.put("metric", o.metric());
            c.put("failing", o.failing());
            c.put("figures", o.figures());
            c.put("file", o.file());
            c.put("line", o.line());
            ArrayNode offenders = c.putArray("offenders");
            o.offenders().forEach(offenders::add);
        }
        ObjectNode quarantine = root.putObject("quarantine");
        ArrayNode counts = quarantine.putArray("by_rule");
        byRule.forEach(
                q ->
                        counts.addObject()
                                .put("table", q.table())
                                .put("rule", q.rule())
                                .put("rows", q.rows()));
        ArrayNode list = quarantine.putArray("rows");
        for (QuarantinedRow r : rows) {
            ObjectNode n =
                    list.addObject()
                            .put("table", r.table())
                            .put("record_key", r.recordKey())
                            .put("export_id", r.exportId())
                            .put("file", r.file())
                            .put("line", r.line())
                            .put("rule", r.rule());
            ArrayNode all = n.putArray("rules");
            r.rules().forEach(all::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String figures(CheckOutcome o) {
        String where =
                o.file() == null
                        ? ""
                        : o.file() + (o.line() == null ? "" : " line " + o.line()) + ": ";
        String offenders =
                o.offenders().isEmpty() || o.status() == Status.PASSED
                        ? ""
                        : " [" + String.join(", ", o.offenders()) + "]";
        return where + o.figures() + offenders;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
