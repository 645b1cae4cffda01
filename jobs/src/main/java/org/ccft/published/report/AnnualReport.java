package org.ccft.published.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.ccft.marts.Audience;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.ReleasedRows;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.calendar.FinancialYear;

/**
 * The statutory annual report's data pages for one financial year, written from the published marts
 * in the seed report's order (At a Glance, Feedback Summary, Compliments, Complaints with Graphs 2
 * to 5, Complaint Themes, the Local Government Ombudsman), with the year before in brackets as the
 * report prints it. The team adds its narrative and case studies to the Word document. Built for
 * the public, every figure is the public release's: {@code c} where suppressed, and a total holding
 * a {@code c} is {@code c}.
 */
public final class AnnualReport {

    private static final String[][] MEASURES = {
        {"compliments", "Compliments"}, {"enquiries_general", "Enquiries: general"},
        {"enquiries_councillor", "Enquiries: councillor"}, {"enquiries_mp", "Enquiries: MP"},
        {"statutory_stage1", "Statutory stage 1"}, {"statutory_stage2", "Statutory stage 2"},
        {"statutory_stage3", "Statutory stage 3"}, {"corporate_stage1", "Corporate stage 1"},
        {"corporate_stage2", "Corporate stage 2"}, {"corporate_stage3", "Corporate stage 3"},
        {"lgo_enquiries", "LGO enquiries"}
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
    private final Map<String, String> areaNames = new LinkedHashMap<>();

    /**
     * Each mart as read once: several sections use the same one (At a Glance, this year's and
     * last).
     */
    private final Map<String, ReleasedRows> read = new LinkedHashMap<>();

    public AnnualReport(MartReader marts, String year) {
        this.marts = marts;
        this.year = year;
        this.previous = FinancialYear.of(FinancialYear.start(year).minusYears(1));
        ServiceArea.all().forEach(a -> areaNames.put(a.code(), a.name()));
    }

    public ReportDocument build(ReleaseInfo info) throws RefusedQuery {
        List<ReportDocument.Block> b = new ArrayList<>();
        boolean forPublic = marts.audience() == Audience.PUBLIC;
        String subtitle =
                info.council()
                        + " Children's Services: Children's Complaints and Feedback Team, "
                        + year
                        + ". Figures as at "
                        + info.asAtDate()
                        + " (data quality of the run that published them: "
                        + info.qualityVerdict()
                        + ")."
                        + (forPublic
                                ? " The year's totals, and its totals by stage, service area, theme and who complained, are"
                                        + " given exactly, as the council publishes them; in the detail beneath them"
                                        + " (a service area at one stage, a quarter of one kind of feedback) counts"
                                        + " from 1 to 5 are shown as c, with others where a c could be worked out."
                                : " Exact figures, for council staff: not for publication.");
        atAGlance(b);
        feedbackSummary(b);
        compliments(b);
        complaints(b);
        themes(b);
        ombudsman(b);
        return new ReportDocument(
                "The Year in Review " + year, subtitle, forPublic ? drawable(b) : b);
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
                                chart.title(), chart.categories(), kept, chart.lines()));
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

    private List<Map<String, Object>> rows(String mart, Predicate<Map<String, Object>> which)
            throws RefusedQuery {
        ReleasedRows released = read.get(mart);
        if (released == null) {
            released = ReleasedRows.read(marts, mart);
            read.put(mart, released);
        }
        return released.rows().stream().filter(which).toList();
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

    private void atAGlance(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "At a Glance"));
        b.add(
                new ReportDocument.Paragraph(
                        "Considering all representations received in the year. Figures in brackets "
                                + "are for the preceding year, "
                                + previous
                                + "."));
        List<Map<String, Object>> glance = inYear("at_a_glance", year);
        List<List<String>> rows = new ArrayList<>();
        for (String[] m : MEASURES) {
            List<Map<String, Object>> r = glance.stream().filter(is("measure", m[0])).toList();
            rows.add(List.of(m[1], one(r, "value").withPrevious(one(r, "previous_year_value"))));
        }
        b.add(
                new ReportDocument.Table(
                        "At a Glance " + year + " (" + previous + ")",
                        List.of("Feedback", "Received"),
                        rows));
    }

    private void feedbackSummary(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "Feedback Summary"));
        List<Map<String, Object>> q = inYear("feedback_by_quarter", year);
        String[][] kinds = {
            {"Compliments", "compliments"},
            {"MP enquiries", "enquiries_mp"},
            {"Councillor enquiries", "enquiries_councillor"},
            {"General enquiries", "enquiries_general"},
            {"Statutory stage 1", "statutory_stage1"},
            {"Corporate stage 1", "corporate_stage1"}
        };
        List<ReportDocument.Chart.Series> series = new ArrayList<>();
        for (String[] k : kinds) {
            List<Figure> values = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                values.add(
                        one(
                                q.stream()
                                        .filter(is("quarter", quarter))
                                        .filter(is("measure", k[1]))
                                        .toList(),
                                "records"));
            }
            series.add(new ReportDocument.Chart.Series(k[0], values));
        }
        b.add(
                new ReportDocument.Chart(
                        "Graph 1: feedback received by quarter, " + year,
                        List.of("Q1", "Q2", "Q3", "Q4"),
                        series,
                        false));
        List<Map<String, Object>> other = inYear("other_feedback", year);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : other) {
            rows.add(
                    List.of(
                            label(String.valueOf(r.get("kind"))),
                            Figure.of(r.get("received"))
                                    .withPrevious(Figure.of(r.get("previous_year_value")))));
        }
        b.add(new ReportDocument.Heading(2, "Other feedback"));
        b.add(
                new ReportDocument.Table(
                        "Other feedback received, " + year + " (" + previous + ")",
                        List.of("Kind", "Received"),
                        rows));
    }

    private void compliments(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "Compliments"));
        List<Map<String, Object>> glance =
                inYear("at_a_glance", year).stream().filter(is("measure", "compliments")).toList();
        new Prose()
                .say(
                        "The service received %s compliments this year.",
                        Prose.bracketed(one(glance, "value"), one(glance, "previous_year_value")))
                .paragraph()
                .ifPresent(b::add);
        List<Map<String, Object>> c = inYear("compliments_by_service_area", year);
        List<List<String>> rows = new ArrayList<>();
        c.forEach(
                r ->
                        rows.add(
                                List.of(
                                        String.valueOf(r.get("service_area_name")),
                                        Figure.of(r.get("compliments")).text())));
        b.add(
                new ReportDocument.Table(
                        "Compliments by service area, " + year,
                        List.of("Service area", "Compliments"),
                        rows));
    }

    private void complaints(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "Complaints"));
        List<Map<String, Object>> s = inYear("complaints_summary", year);
        List<Map<String, Object>> p = inYear("complaints_summary", previous);
        new Prose()
                .say(
                        "In this past year, the CCFT received a total of %s Statutory and Corporate"
                                + " complaints combined across all three stages of the complaints process.",
                        Prose.bracketed(one(s, "received"), one(p, "received")))
                .say(
                        "Of these, %s were Stage 2 complaints, and %s were Stage 3 complaints.",
                        Prose.count(one(s, "received_stage2")),
                        Prose.count(one(s, "received_stage3")))
                .say(
                        "Out of the %s complaints which concluded this year, %s were partially upheld, %s"
                                + " fully upheld, %s not upheld and %s withdrawn.",
                        Prose.count(one(s, "concluded")),
                        Prose.share(one(s, "partially_upheld_share")),
                        Prose.share(one(s, "upheld_share")),
                        Prose.share(one(s, "not_upheld_share")),
                        Prose.share(one(s, "withdrawn_share")))
                .paragraph()
                .ifPresent(b::add);
        new Prose()
                .say(
                        "In the year, %s of the Stage 1 complaints answered were reopened following"
                                + " dissatisfied feedback from complainants.",
                        Prose.share(one(s, "reopened_share")))
                .paragraph()
                .ifPresent(b::add);
        new Prose()
                .say(
                        "Out of the %s complaints received this year, %s were made by young people, of"
                                + " which %s were assisted by an Advocate.",
                        Prose.count(one(s, "received")),
                        Prose.count(one(s, "by_young_people")),
                        Prose.count(one(s, "young_people_with_advocate")))
                .paragraph()
                .ifPresent(b::add);
        List<Map<String, Object>> who = inYear("complainants", year);
        b.add(
                new ReportDocument.Chart(
                        "Graph 2: complaints by who made them, " + year,
                        who.stream()
                                .map(r -> label(String.valueOf(r.get("complainant_role"))))
                                .toList(),
                        List.of(
                                new ReportDocument.Chart.Series(
                                        "Complaints",
                                        who.stream()
                                                .map(r -> Figure.of(r.get("complaints")))
                                                .toList()),
                                new ReportDocument.Chart.Series(
                                        "With an advocate",
                                        who.stream()
                                                .map(r -> Figure.of(r.get("with_advocate")))
                                                .toList())),
                        false));
        new Prose()
                .say(
                        "There were %s complaints responded to this year.",
                        Prose.count(one(s, "concluded")))
                .say(
                        "Out of these, %s were extended beyond the initial timescale.",
                        Prose.count(one(s, "extended")))
                .say(
                        "Out of the %s complaints responded to this year, %s (equating to %s) were"
                                + " responded to outside of the prescribed timescale (whether it was the"
                                + " initial or the extended timescale).",
                        Prose.count(one(s, "concluded")),
                        Prose.count(one(s, "outside_timescale")),
                        Prose.share(one(s, "outside_timescale_share")))
                .paragraph()
                .ifPresent(b::add);
        List<Map<String, Object>> areas = inYear("service_area_complaints", year);
        b.add(
                new ReportDocument.Chart(
                        "Graph 3: complaints received by service area, " + year,
                        areas.stream()
                                .map(r -> String.valueOf(r.get("service_area_name")))
                                .toList(),
                        List.of(
                                new ReportDocument.Chart.Series(
                                        "Complaints received",
                                        areas.stream()
                                                .map(r -> Figure.of(r.get("received")))
                                                .toList())),
                        false));
        List<Map<String, Object>> sat =
                rows("sat_complaints_vs_ehcp", r -> true).stream()
                        .sorted(Comparator.comparing(r -> String.valueOf(r.get("financial_year"))))
                        .toList();
        b.add(
                new ReportDocument.Chart(
                        "Graph 4: SAT complaints and new EHC plans issued",
                        sat.stream().map(r -> String.valueOf(r.get("financial_year"))).toList(),
                        List.of(
                                new ReportDocument.Chart.Series(
                                        "SAT complaints",
                                        sat.stream()
                                                .map(r -> Figure.of(r.get("sat_complaints")))
                                                .toList()),
                                new ReportDocument.Chart.Series(
                                        "EHC plans issued",
                                        sat.stream()
                                                .map(r -> Figure.of(r.get("plans_issued")))
                                                .toList()),
                                new ReportDocument.Chart.Series(
                                        "Complaints per 100 plans",
                                        sat.stream()
                                                .map(
                                                        r ->
                                                                Figure.of(
                                                                        r.get(
                                                                                "complaints_per_100_plans")))
                                                .toList())),
                        false));
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
            stages.add(new ReportDocument.Chart.Series(label(st[0]) + " stage " + st[1], v));
        }
        b.add(
                new ReportDocument.Chart(
                        "Graph 5: complaints received by stage over six years",
                        years,
                        stages,
                        true));
    }

    private void themes(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "Complaint Themes"));
        List<List<String>> rows = new ArrayList<>();
        inYear("complaint_themes", year).stream()
                .sorted(
                        Comparator.comparing(
                                r ->
                                        -(Figure.of(r.get("records")).isNumber()
                                                ? Figure.of(r.get("records")).value()
                                                : -1)))
                .forEach(
                        r ->
                                rows.add(
                                        List.of(
                                                label(String.valueOf(r.get("theme"))),
                                                Figure.of(r.get("records")).text(),
                                                Figure.of(r.get("share")).percent())));
        b.add(
                new ReportDocument.Table(
                        "Complaints and enquiries by primary theme, " + year,
                        List.of("Theme", "Records", "Share"),
                        rows));
    }

    private void ombudsman(List<ReportDocument.Block> b) throws RefusedQuery {
        b.add(new ReportDocument.Heading(1, "Local Government Ombudsman"));
        List<Map<String, Object>> y = inYear("ombudsman_year", year);
        List<Map<String, Object>> o = inYear("lgo_outcomes", year);
        new Prose()
                .say(
                        "From April "
                                + year.substring(0, 4)
                                + " to March "
                                + (Integer.parseInt(year.substring(0, 4)) + 1)
                                + ", the CCFT worked with %s Local Government Ombudsman enquiries.",
                        Prose.count(one(y, "worked_with")))
                .say(
                        "%s were received in a previous year, and %s remained ongoing as of the end of"
                                + " this year.",
                        Prose.count(one(y, "carried_in")), Prose.count(one(y, "open_at_year_end")))
                .say(
                        "A final LGO decision was reached for %s enquiries this year.",
                        Prose.count(one(y, "decided")))
                .paragraph()
                .ifPresent(b::add);
        b.add(
                new ReportDocument.Table(
                        "Ombudsman decisions by outcome, " + year,
                        List.of("Outcome", "Decisions"),
                        List.of(
                                List.of("Not upheld", one(y, "not_upheld").text()),
                                List.of("Partially upheld", one(y, "partially_upheld").text()),
                                List.of("Upheld", one(y, "upheld").text()),
                                List.of("Outside of remit", one(y, "outside_remit").text()))));
        List<List<String>> received = new ArrayList<>();
        o.forEach(
                r ->
                        received.add(
                                List.of(
                                        areaNames.getOrDefault(
                                                String.valueOf(r.get("service_area")),
                                                String.valueOf(r.get("service_area"))),
                                        Figure.of(r.get("received")).text())));
        b.add(
                new ReportDocument.Table(
                        "Ombudsman enquiries received by service area, " + year,
                        List.of("Service area", "Received"),
                        received));
        List<List<String>> themes = new ArrayList<>();
        inYear("lgo_decisions_by_theme", year)
                .forEach(
                        r ->
                                themes.add(
                                        List.of(
                                                label(String.valueOf(r.get("theme"))),
                                                Figure.of(r.get("decided")).text(),
                                                Figure.of(r.get("share")).percent())));
        b.add(
                new ReportDocument.Table(
                        "Ombudsman decisions by primary theme, " + year,
                        List.of("Theme", "Decided", "Share"),
                        themes));
    }

    /** A code as the report writes it: {@code SOCIAL_WORK_ENGLAND} is "Social work england". */
    private static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
