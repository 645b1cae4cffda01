package org.ccft.published.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.ccft.marts.Audience;
import org.ccft.published.FigureFormat;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.ReleasedRows;
import org.ccft.published.report.Narrative.BadNarrative;
import org.ccft.reference.CodeNames;
import org.ccft.reference.calendar.FinancialYear;

/**
 * The statutory annual report for one financial year, as a council publishes it: a title page,
 * contents, then each {@link ReportSection} in order, the team's own text ({@link Narrative}) with
 * the section's graphs and tables from the published marts, the year before in brackets. Built for
 * the public, every figure is the public release's ({@code c} where protected), a sentence holding
 * a protected figure is left out, and a section the team has not written is left out; the staff
 * version shows where the team's text is still to be written.
 */
public final class AnnualReport {

    private static final String[][] GLANCE = {
        {"Compliments", "compliments"},
        {"Enquiries", "enquiries_general"},
        {"Enquiries", "enquiries_councillor"},
        {"Enquiries", "enquiries_mp"},
        {"Statutory complaints", "statutory_stage1"},
        {"Statutory complaints", "statutory_stage2"},
        {"Statutory complaints", "statutory_stage3"},
        {"Corporate complaints", "corporate_stage1"},
        {"Corporate complaints", "corporate_stage2"},
        {"Corporate complaints", "corporate_stage3"},
        {"Ombudsman", "lgo_enquiries"}
    };
    private static final String[][] STAGES = {
        {"STATUTORY", "1"},
        {"STATUTORY", "2"},
        {"STATUTORY", "3"},
        {"CORPORATE", "1"},
        {"CORPORATE", "2"},
        {"CORPORATE", "3"}
    };

    private final MartReader marts;
    private final String year;
    private final String previous;
    private final Narrative narrative;
    private final boolean forPublic;
    private final CodeNames names = CodeNames.load();

    /**
     * Each mart as read once: several sections and placeholders use the same one (this year's and
     * last).
     */
    private final Map<String, ReleasedRows> read = new LinkedHashMap<>();

    public AnnualReport(MartReader marts, String year, Narrative narrative) {
        this.marts = marts;
        this.year = year;
        this.previous = FinancialYear.of(FinancialYear.start(year).minusYears(1));
        this.narrative = narrative;
        this.forPublic = marts.audience() == Audience.PUBLIC;
    }

    public ReportDocument build(ReleaseInfo info) throws RefusedQuery, BadNarrative {
        List<ReportDocument.Block> b = new ArrayList<>();
        for (ReportSection section : ReportSection.values()) {
            if (forPublic && section.textOnly() && !narrative.has(section)) {
                continue;
            }
            b.add(new ReportDocument.Heading(1, section.title()));
            Map<String, List<ReportDocument.Block>> figures = figures(section);
            if (!forPublic && !narrative.has(section)) {
                b.add(new ReportDocument.ToWrite(narrative.whereToWrite(section)));
            }
            b.addAll(narrative.blocks(section, this::fill, figures));
        }
        String note =
                "Figures as at "
                        + FigureFormat.DATE.text(info.asAtDate())
                        + "; figures in brackets are for "
                        + previous
                        + "."
                        + (forPublic
                                ? " The year's totals, and its totals by stage, service area, theme and who"
                                        + " complained, are given exactly. In the detail beneath them (a"
                                        + " service area at one stage, a quarter of one kind of feedback),"
                                        + " counts from 1 to 5 are shown as c, and so are others from which"
                                        + " a c could be worked out."
                                : " Exact figures, for council staff: not for publication.");
        return new ReportDocument(
                new ReportDocument.TitlePage(
                        "The Year in Review " + year,
                        "Children's Complaints and Feedback Team",
                        info.council(),
                        year,
                        note),
                forPublic ? drawable(b) : b);
    }

    /** The section's graphs and tables, by the name the narrative places them with. */
    private Map<String, List<ReportDocument.Block>> figures(ReportSection section)
            throws RefusedQuery {
        Map<String, List<ReportDocument.Block>> f = new LinkedHashMap<>();
        switch (section) {
            case AT_A_GLANCE -> f.put("At a Glance", List.of(atAGlance()));
            case FEEDBACK_SUMMARY -> {
                f.put("Graph 1", List.of(graph1()));
                f.put("Other feedback", List.of(otherFeedback()));
            }
            case COMPLIMENTS -> f.put("Compliments by service area", List.of(compliments()));
            case COMPLAINTS -> {
                f.put("Graph 2", List.of(graph2()));
                f.put("Graph 3", List.of(graph3()));
                f.put("Graph 4", graph4());
                f.put("Graph 5", List.of(graph5()));
            }
            case SEND -> {
                f.put("Graph 6", List.of(graph6()));
                f.put("SEND complaints", List.of(sendComplaints()));
            }
            case THEMES -> f.put("Graph 7", List.of(graph7()));
            case OMBUDSMAN -> f.putAll(ombudsman());
            case LEARNING -> f.put("Learning actions", List.of(learning()));
            default -> {}
        }
        return f;
    }

    /**
     * A placeholder's figure: the row of its mart and year (the report's unless it says) that its
     * other columns pick, printed as its column reads.
     */
    private Narrative.Filled fill(Narrative.Placeholder p) throws BadNarrative.Problem {
        if (!marts.isPublished(p.mart())) {
            throw new BadNarrative.Problem("names no published table called " + p.mart());
        }
        if (!marts.marts().contains(p.mart())) {
            if (forPublic) {
                return new Narrative.Filled("c", true);
            }
            throw new BadNarrative.Problem(
                    "names " + p.mart() + ", which is for the team's eyes only, not a report");
        }
        ReleasedRows rows;
        try {
            rows = released(p.mart());
        } catch (RefusedQuery e) {
            throw new BadNarrative.Problem("cannot be read: " + e.getMessage());
        }
        if (!rows.columns().contains(p.column())) {
            throw new BadNarrative.Problem(
                    "names no column of "
                            + p.mart()
                            + " called "
                            + p.column()
                            + "; its columns are "
                            + String.join(", ", rows.columns()));
        }
        Map<String, String> where = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : p.where().entrySet()) {
            if (e.getKey().equals("year")) {
                where.put(
                        "financial_year",
                        switch (e.getValue()) {
                            case "this" -> year;
                            case "previous" -> previous;
                            default -> e.getValue();
                        });
            } else if (!rows.columns().contains(e.getKey())) {
                throw new BadNarrative.Problem(
                        "picks its row by " + e.getKey() + ", which is no column of " + p.mart());
            } else {
                where.put(e.getKey(), e.getValue());
            }
        }
        if (rows.columns().contains("financial_year")) {
            where.putIfAbsent("financial_year", year);
        }
        List<Map<String, Object>> matched =
                rows.rows().stream()
                        .filter(
                                r ->
                                        where.entrySet().stream()
                                                .allMatch(
                                                        w ->
                                                                w.getValue()
                                                                        .equalsIgnoreCase(
                                                                                String.valueOf(
                                                                                        r.get(
                                                                                                w
                                                                                                        .getKey())))))
                        .toList();
        if (matched.size() != 1) {
            throw new BadNarrative.Problem(
                    (matched.isEmpty() ? "matches no row" : "matches " + matched.size() + " rows")
                            + " of "
                            + p.mart()
                            + " where "
                            + where
                            + (matched.isEmpty()
                                    ? ""
                                    : "; pick one with [column=value] on its other columns"));
        }
        Object value = matched.get(0).get(p.column());
        if (ReleasedRows.SUPPRESSED_FIGURE.equals(value)) {
            return new Narrative.Filled("c", true);
        }
        FigureFormat format =
                p.as() == null
                        ? FigureFormat.of(p.column(), value instanceof Number)
                        : switch (p.as()) {
                            case "percent" -> FigureFormat.SHARE;
                            case "money" -> FigureFormat.MONEY;
                            case "decimal" -> FigureFormat.DECIMAL;
                            default -> FigureFormat.COUNT;
                        };
        return new Narrative.Filled(value == null ? "none" : format.text(value), false);
    }

    /**
     * The public report's charts with every series that is mostly protected left out, and a line
     * saying which and why, rather than bars missing across the chart; a chart left with no series
     * is that line alone (the public tables hold every figure, protected ones as {@code c}).
     */
    private static List<ReportDocument.Block> drawable(List<ReportDocument.Block> blocks) {
        List<ReportDocument.Block> out = new ArrayList<>();
        for (ReportDocument.Block block : blocks) {
            if (!(block instanceof ReportDocument.Chart chart)) {
                out.add(block);
                continue;
            }
            List<ReportDocument.Chart.Series> kept = new ArrayList<>();
            List<String> left = new ArrayList<>();
            for (ReportDocument.Chart.Series series : chart.series()) {
                long hidden = series.values().stream().filter(Figure::suppressed).count();
                if (hidden * 2 > series.values().size()) {
                    left.add(series.name());
                } else {
                    kept.add(series);
                }
            }
            if (!kept.isEmpty()) {
                out.add(
                        new ReportDocument.Chart(
                                chart.title(),
                                chart.categoryName(),
                                chart.categories(),
                                kept,
                                chart.lines(),
                                chart.unit(),
                                chart.tableOnly()));
            }
            if (!left.isEmpty()) {
                out.add(
                        new ReportDocument.Paragraph(
                                (kept.isEmpty() ? chart.title() + ": not drawn. " : "Not drawn in ")
                                        + (kept.isEmpty() ? "" : chart.title() + ": ")
                                        + String.join(", ", left)
                                        + (left.size() == 1 ? " is" : " are")
                                        + " mostly too small to publish without risk of"
                                        + " identifying someone."));
            }
        }
        return out;
    }

    private ReleasedRows released(String mart) throws RefusedQuery {
        ReleasedRows released = read.get(mart);
        if (released == null) {
            released = ReleasedRows.read(marts, mart);
            read.put(mart, released);
        }
        return released;
    }

    private List<Map<String, Object>> rows(String mart, Predicate<Map<String, Object>> which)
            throws RefusedQuery {
        return released(mart).rows().stream().filter(which).toList();
    }

    private List<Map<String, Object>> inYear(String mart, String fy) throws RefusedQuery {
        return rows(mart, r -> fy.equals(r.get("financial_year")));
    }

    private static Figure one(List<Map<String, Object>> rows, String column) {
        return rows.isEmpty() ? Figure.NONE : Figure.of(rows.get(0).get(column));
    }

    private static Predicate<Map<String, Object>> is(String column, Object value) {
        return r -> Objects.equals(String.valueOf(r.get(column)), String.valueOf(value));
    }

    private String name(String column, Object code) {
        return names.name(column, String.valueOf(code));
    }

    private ReportDocument.Block atAGlance() throws RefusedQuery {
        List<Map<String, Object>> glance = inYear("at_a_glance", year);
        List<ReportDocument.Tiles.Tile> tiles = new ArrayList<>();
        for (String[] m : GLANCE) {
            List<Map<String, Object>> r = glance.stream().filter(is("measure", m[1])).toList();
            String label = name("measure", m[1]);
            if (label.startsWith(m[0].split(" ")[0]) && !m[0].equals("Compliments")) {
                label = label.substring(m[0].split(" ")[0].length()).trim();
            }
            tiles.add(
                    new ReportDocument.Tiles.Tile(
                            m[0],
                            label.equalsIgnoreCase(m[0])
                                    ? "Received"
                                    : Character.toUpperCase(label.charAt(0)) + label.substring(1),
                            one(r, "value").text(),
                            one(r, "previous_year_value").text()));
        }
        return new ReportDocument.Tiles(
                "At a Glance: feedback received in " + year + " (" + previous + " in brackets)",
                tiles);
    }

    private ReportDocument.Block graph1() throws RefusedQuery {
        List<Map<String, Object>> q = inYear("feedback_by_quarter", year);
        String[] kinds = {
            "compliments",
            "enquiries_mp",
            "enquiries_councillor",
            "enquiries_general",
            "statutory_stage1",
            "corporate_stage1"
        };
        List<ReportDocument.Chart.Series> series = new ArrayList<>();
        for (String k : kinds) {
            List<Figure> values = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                values.add(
                        one(
                                q.stream()
                                        .filter(is("quarter", quarter))
                                        .filter(is("measure", k))
                                        .toList(),
                                "records"));
            }
            series.add(new ReportDocument.Chart.Series(name("measure", k), values));
        }
        return new ReportDocument.Chart(
                "Graph 1: feedback received by quarter, " + year,
                "Quarter",
                List.of("Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"),
                series,
                false,
                "records received");
    }

    private ReportDocument.Block otherFeedback() throws RefusedQuery {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : inYear("other_feedback", year)) {
            rows.add(
                    List.of(
                            name("measure", r.get("kind")),
                            Figure.of(r.get("received"))
                                    .withPrevious(Figure.of(r.get("previous_year_value")))));
        }
        return new ReportDocument.Table(
                "Other feedback received, " + year + " (" + previous + " in brackets)",
                List.of("Kind of feedback", "Received"),
                rows);
    }

    /**
     * The changes agreed because of complaints in the year, by kind, and whether they were made.
     */
    private ReportDocument.Block learning() throws RefusedQuery {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : inYear("learning_summary", year)) {
            rows.add(
                    List.of(
                            name("kind", r.get("kind")),
                            Figure.of(r.get("agreed")).text(),
                            Figure.of(r.get("done")).text(),
                            Figure.of(r.get("done_on_time")).text(),
                            Figure.of(r.get("overdue")).text()));
        }
        return new ReportDocument.Table(
                "Learning actions agreed from complaints, " + year,
                List.of("Kind", "Agreed", "Done", "Done on time", "Overdue"),
                rows);
    }

    private ReportDocument.Block compliments() throws RefusedQuery {
        List<List<String>> rows = new ArrayList<>();
        inYear("compliments_by_service_area", year).stream()
                .sorted(byFigure("compliments"))
                .forEach(
                        r ->
                                rows.add(
                                        List.of(
                                                String.valueOf(r.get("service_area_name")),
                                                Figure.of(r.get("compliments")).text())));
        return new ReportDocument.Table(
                "Compliments by service area, " + year,
                List.of("Service area", "Compliments"),
                rows);
    }

    /** Largest first; a protected figure after the numbers, in name order. */
    private static Comparator<Map<String, Object>> byFigure(String column) {
        return Comparator.comparingDouble(
                r -> {
                    Figure f = Figure.of(r.get(column));
                    return f.isNumber() ? -f.value() : 1;
                });
    }

    private ReportDocument.Block graph2() throws RefusedQuery {
        List<Map<String, Object>> who =
                inYear("complainants", year).stream().sorted(byFigure("complaints")).toList();
        return new ReportDocument.Chart(
                "Graph 2: complaints by who made them, " + year,
                "Who complained",
                who.stream().map(r -> name("complainant_role", r.get("complainant_role"))).toList(),
                List.of(
                        new ReportDocument.Chart.Series(
                                "Complaints",
                                who.stream().map(r -> Figure.of(r.get("complaints"))).toList()),
                        new ReportDocument.Chart.Series(
                                "With an advocate",
                                who.stream().map(r -> Figure.of(r.get("with_advocate"))).toList())),
                false,
                "complaints");
    }

    private ReportDocument.Block graph3() throws RefusedQuery {
        List<Map<String, Object>> areas =
                inYear("service_area_complaints", year).stream()
                        .sorted(byFigure("received"))
                        .toList();
        return new ReportDocument.Chart(
                "Graph 3: complaints received by service area, " + year,
                "Service area",
                areas.stream().map(r -> String.valueOf(r.get("service_area_name"))).toList(),
                List.of(
                        new ReportDocument.Chart.Series(
                                "Complaints received",
                                areas.stream().map(r -> Figure.of(r.get("received"))).toList())),
                false,
                "complaints received");
    }

    /**
     * Graph 4: the SAT's complaints and the plans it issued, both counts; the rate per 100 plans is
     * a table of its own rather than a third bar on the count axis.
     */
    private List<ReportDocument.Block> graph4() throws RefusedQuery {
        List<Map<String, Object>> sat =
                rows("sat_complaints_vs_ehcp", r -> true).stream()
                        .filter(r -> String.valueOf(r.get("financial_year")).compareTo(year) <= 0)
                        .sorted(Comparator.comparing(r -> String.valueOf(r.get("financial_year"))))
                        .toList();
        List<String> years =
                sat.stream().map(r -> String.valueOf(r.get("financial_year"))).toList();
        ReportDocument.Chart chart =
                new ReportDocument.Chart(
                        "Graph 4: SAT complaints and new EHC plans issued",
                        "Year",
                        years,
                        List.of(
                                new ReportDocument.Chart.Series(
                                        "SAT complaints",
                                        sat.stream()
                                                .map(r -> Figure.of(r.get("sat_complaints")))
                                                .toList()),
                                new ReportDocument.Chart.Series(
                                        "New EHC plans issued",
                                        sat.stream()
                                                .map(r -> Figure.of(r.get("plans_issued")))
                                                .toList())),
                        false,
                        "complaints or plans");
        List<List<String>> rate = new ArrayList<>();
        for (Map<String, Object> r : sat) {
            rate.add(
                    List.of(
                            String.valueOf(r.get("financial_year")),
                            Figure.of(r.get("complaints_per_100_plans")).text()));
        }
        return List.of(
                chart,
                new ReportDocument.Table(
                        "SAT complaints per 100 new EHC plans issued",
                        List.of("Year", "Complaints per 100 plans"),
                        rate));
    }

    private ReportDocument.Block graph5() throws RefusedQuery {
        List<Map<String, Object>> trends =
                rows(
                        "complaint_stage_trends",
                        r -> String.valueOf(r.get("financial_year")).compareTo(year) <= 0);
        List<String> years =
                trends.stream()
                        .map(r -> String.valueOf(r.get("financial_year")))
                        .distinct()
                        .sorted()
                        .toList();
        years = years.subList(Math.max(0, years.size() - 6), years.size());
        List<ReportDocument.Chart.Series> stages = new ArrayList<>();
        for (String[] st : STAGES) {
            List<Figure> v = new ArrayList<>();
            for (String y : years) {
                v.add(
                        one(
                                trends.stream()
                                        .filter(is("financial_year", y))
                                        .filter(is("procedure", st[0]))
                                        .filter(is("stage", st[1]))
                                        .toList(),
                                "received"));
            }
            stages.add(
                    new ReportDocument.Chart.Series(
                            name("procedure", st[0]) + " stage " + st[1], v));
        }
        return new ReportDocument.Chart(
                "Graph 5: complaints received by stage over six years",
                "Year",
                years,
                stages,
                true,
                "complaints received");
    }

    /** Graph 6: new plans issued within 20 weeks, the council against its region and England. */
    private ReportDocument.Block graph6() throws RefusedQuery {
        List<Map<String, Object>> shares =
                rows(
                                "ehcp_benchmark",
                                r ->
                                        "share_within_20_weeks".equals(r.get("measure"))
                                                && Boolean.TRUE.equals(r.get("is_council"))
                                                && String.valueOf(r.get("calendar_year"))
                                                                .compareTo(year.substring(0, 4))
                                                        <= 0)
                        .stream()
                        .sorted(Comparator.comparing(r -> String.valueOf(r.get("calendar_year"))))
                        .toList();
        List<ReportDocument.Chart.Series> series = new ArrayList<>();
        String[][] columns = {
            {"value", "This council"}, {"region_value", "Region"}, {"england_value", "England"}
        };
        for (String[] c : columns) {
            series.add(
                    new ReportDocument.Chart.Series(
                            c[1], shares.stream().map(r -> Figure.share(r.get(c[0]))).toList()));
        }
        return new ReportDocument.Chart(
                "Graph 6: new EHC plans issued within 20 weeks",
                "Calendar year",
                shares.stream().map(r -> String.valueOf(r.get("calendar_year"))).toList(),
                series,
                true,
                "% of new plans");
    }

    private ReportDocument.Block sendComplaints() throws RefusedQuery {
        List<List<String>> rows = new ArrayList<>();
        inYear("send_complaints", year).stream()
                .sorted(
                        Comparator.comparing(
                                        (Map<String, Object> r) ->
                                                name("service_area", r.get("service_area")))
                                .thenComparing(r -> String.valueOf(r.get("procedure")))
                                .thenComparing(r -> String.valueOf(r.get("stage"))))
                .forEach(
                        r ->
                                rows.add(
                                        List.of(
                                                name("service_area", r.get("service_area")),
                                                name("procedure", r.get("procedure"))
                                                        + " stage "
                                                        + r.get("stage"),
                                                Figure.of(r.get("received")).text(),
                                                Figure.of(r.get("concluded")).text(),
                                                Figure.of(r.get("upheld")).text(),
                                                Figure.of(r.get("outside_timescale")).text())));
        return new ReportDocument.Table(
                "Complaints about the SEND service, " + year,
                List.of("Service area", "Stage", "Received", "Answered", "Upheld", "Answered late"),
                rows);
    }

    private ReportDocument.Block graph7() throws RefusedQuery {
        List<Map<String, Object>> themes =
                inYear("complaint_themes", year).stream().sorted(byFigure("records")).toList();
        return new ReportDocument.Chart(
                        "Graph 7: complaints and enquiries by primary theme, " + year,
                        "Main theme",
                        themes.stream().map(r -> name("theme", r.get("theme"))).toList(),
                        List.of(
                                new ReportDocument.Chart.Series(
                                        "Complaints and enquiries",
                                        themes.stream()
                                                .map(r -> Figure.of(r.get("records")))
                                                .toList()),
                                new ReportDocument.Chart.Series(
                                        "Share",
                                        themes.stream()
                                                .map(r -> Figure.share(r.get("share")))
                                                .toList())),
                        false,
                        "records received")
                .withTableOnly("Share");
    }

    private Map<String, List<ReportDocument.Block>> ombudsman() throws RefusedQuery {
        Map<String, List<ReportDocument.Block>> f = new LinkedHashMap<>();
        List<Map<String, Object>> y = inYear("ombudsman_year", year);
        f.put(
                "Ombudsman decisions",
                List.of(
                        new ReportDocument.Table(
                                "The Ombudsman's decisions by outcome, " + year,
                                List.of("Outcome", "Decisions"),
                                List.of(
                                        List.of("Upheld", one(y, "upheld").text()),
                                        List.of(
                                                "Partially upheld",
                                                one(y, "partially_upheld").text()),
                                        List.of("Not upheld", one(y, "not_upheld").text()),
                                        List.of(
                                                "Outside the Ombudsman's remit",
                                                one(y, "outside_remit").text())))));
        List<List<String>> received = new ArrayList<>();
        inYear("lgo_outcomes", year).stream()
                .sorted(byFigure("received"))
                .forEach(
                        r ->
                                received.add(
                                        List.of(
                                                name("service_area", r.get("service_area")),
                                                Figure.of(r.get("received")).text())));
        f.put(
                "Ombudsman enquiries by service area",
                List.of(
                        new ReportDocument.Table(
                                "Ombudsman enquiries received by service area, " + year,
                                List.of("Service area", "Received"),
                                received)));
        List<List<String>> themes = new ArrayList<>();
        inYear("lgo_decisions_by_theme", year).stream()
                .sorted(byFigure("decided"))
                .forEach(
                        r ->
                                themes.add(
                                        List.of(
                                                name("theme", r.get("theme")),
                                                Figure.of(r.get("decided")).text(),
                                                Figure.share(r.get("share")).text())));
        f.put(
                "Ombudsman decisions by theme",
                List.of(
                        new ReportDocument.Table(
                                "The Ombudsman's decisions by primary theme, " + year,
                                List.of("Theme", "Decisions", "Share"),
                                themes)));
        return f;
    }
}
