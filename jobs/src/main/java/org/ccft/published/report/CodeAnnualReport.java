package org.ccft.published.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccft.marts.Audience;
import org.ccft.published.FigureFormat;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.ReleasedRows;
import org.ccft.reference.CodeNames;
import org.ccft.reference.ComplaintCode;
import org.ccft.reference.ComplaintCodeSection;
import org.ccft.reference.calendar.FinancialYear;

/**
 * The annual complaints performance and service improvement report the Ombudsman's Complaint
 * Handling Code asks of a council (its section 8): the self-assessment against each section of the
 * Code, the year's complaints received and refused measured against the Code's timescales, where
 * the data shows the Code was not met, the improvements made from complaints and whether complaints
 * of that kind fell afterwards, and the three figures of the Ombudsman's annual letter, worked out
 * from the warehouse. For staff every figure is exact; the public version reads the public release
 * ({@code code_compliance}, {@code learning_summary}): its figures are after disclosure control
 * ({@code c} where protected), with no working-day medians, no list of single changes and no
 * worked-out letter figures (the Ombudsman publishes its letter itself).
 */
public final class CodeAnnualReport {

    private final MartReader marts;
    private final String year;
    private final SelfAssessment assessment;
    private final boolean forPublic;
    private final CodeNames names = CodeNames.load();
    private boolean someNotGiven;

    public CodeAnnualReport(MartReader marts, String year, SelfAssessment assessment) {
        this.marts = marts;
        this.year = year;
        this.assessment = assessment;
        this.forPublic = marts.audience() == Audience.PUBLIC;
    }

    /**
     * The report's file name: {@code complaints-performance-and-service-improvement-2022-23}, and
     * {@code ...-2022-23-public} for the public.
     */
    public static String fileName(String year, Audience audience) {
        return "complaints-performance-and-service-improvement-"
                + year
                + (audience == Audience.PUBLIC ? "-public" : "");
    }

    public ReportDocument build(ReleaseInfo info) throws RefusedQuery {
        List<Map<String, Object>> timeliness =
                new ArrayList<>(thisYear(forPublic ? "code_compliance" : "code_timeliness"));
        // Statutory before corporate, each by stage, as the annual report lists them.
        timeliness.sort(
                java.util.Comparator.comparing(
                                (Map<String, Object> r) -> !"STATUTORY".equals(r.get("procedure")))
                        .thenComparing(r -> ((Number) r.get("stage")).intValue()));
        List<ReportDocument.Block> b = new ArrayList<>();
        b.add(new ReportDocument.Heading(1, "About this report"));
        b.addAll(about());
        b.add(new ReportDocument.Heading(1, "Self-assessment against the Code"));
        b.addAll(selfAssessment());
        b.add(new ReportDocument.Heading(1, "Complaints received and refused"));
        b.addAll(received(timeliness));
        b.add(new ReportDocument.Heading(1, "Where the Code was not met"));
        b.addAll(notMet(timeliness));
        b.add(new ReportDocument.Heading(1, "Learning from complaints"));
        b.addAll(learning());
        b.add(new ReportDocument.Heading(1, "The Ombudsman's annual letter"));
        b.addAll(letter());
        return new ReportDocument(
                new ReportDocument.TitlePage(
                        "Complaints Performance and Service Improvement Report " + year,
                        "Children's Complaints and Feedback Team",
                        info.council(),
                        year,
                        "Figures as at "
                                + FigureFormat.DATE.text(info.asAtDate())
                                + (forPublic
                                        ? ". Counts from 1 to 5 in the detail are shown as c, and so"
                                                + " are others from which a c could be worked out."
                                        : ". Exact figures, for council staff and for the"
                                                + " self-assessment sent to the Ombudsman: not for"
                                                + " publication as they stand.")),
                b);
    }

    private List<ReportDocument.Block> about() {
        List<ReportDocument.Block> b = new ArrayList<>();
        b.add(
                new ReportDocument.Paragraph(
                        "The Local Government and Social Care Ombudsman's Complaint Handling Code"
                                + " asks every council to publish, each year, how it handled"
                                + " complaints and what it changed because of them, with its"
                                + " self-assessment against the Code. This report covers the"
                                + " complaints received from "
                                + FigureFormat.DATE.text(FinancialYear.start(year))
                                + " to "
                                + FigureFormat.DATE.text(
                                        FinancialYear.start(year).plusYears(1).minusDays(1))
                                + "."));
        List<String> timescales = new ArrayList<>();
        for (ComplaintCode c : ComplaintCode.all()) {
            timescales.add(
                    names.name("procedure", c.procedure())
                            + " stage "
                            + c.stage()
                            + ": acknowledged within "
                            + c.acknowledgeWorkingDays()
                            + " working days; answered within "
                            + c.respondWorkingDays()
                            + " working days of "
                            + ("ACKNOWLEDGED".equals(c.respondFrom())
                                    ? "the acknowledgement"
                                    : "receipt")
                            + (c.extensionWorkingDays() > 0
                                    ? ", or at most "
                                            + c.extensionWorkingDays()
                                            + " more where an extension was explained to the"
                                            + " complainant"
                                    : "")
                            + ".");
        }
        b.add(
                new ReportDocument.Paragraph(
                        "The timescales the figures are measured against. Working days leave out"
                                + " weekends and England's bank holidays. The children's statutory"
                                + " complaints procedure keeps its own timescales, set in law."));
        b.add(new ReportDocument.Bullets(timescales));
        return b;
    }

    private List<ReportDocument.Block> selfAssessment() {
        List<ReportDocument.Block> b = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int unanswered = 0;
        for (ComplaintCodeSection s : ComplaintCodeSection.all()) {
            var answer = assessment.of(s.section());
            if (answer.isEmpty()) {
                unanswered++;
            }
            rows.add(
                    List.of(
                            s.section() + ". " + s.title(),
                            answer.map(SelfAssessment.Answer::answer).orElse("Not yet answered"),
                            answer.map(SelfAssessment.Answer::evidence).orElse("")));
        }
        b.add(
                new ReportDocument.Paragraph(
                        "Whether the council meets each section of the Code, and the evidence."
                                + " The same answers go to the Ombudsman."));
        if (unanswered > 0 && !forPublic) {
            b.add(
                    new ReportDocument.ToWrite(
                            unanswered
                                    + " of the Code's sections are not answered yet: write the"
                                    + " team's answer (Yes, Partly or No) and evidence for each in "
                                    + SelfAssessment.FILE
                                    + " beside the report's text (section,answer,evidence)."));
        }
        b.add(
                new ReportDocument.Table(
                        "Self-assessment",
                        List.of("Section of the Code", "Answer", "Evidence"),
                        rows));
        return b;
    }

    private List<ReportDocument.Block> received(List<Map<String, Object>> timeliness) {
        List<ReportDocument.Block> b = new ArrayList<>();
        if (timeliness.isEmpty()) {
            b.add(
                    new ReportDocument.Paragraph(
                            "No complaint received in "
                                    + year
                                    + " came under the Code: it applied to the council's"
                                    + " complaints from a later date."));
            return b;
        }
        List<List<String>> received = new ArrayList<>();
        List<List<String>> answered = new ArrayList<>();
        for (Map<String, Object> r : timeliness) {
            List<String> in =
                    new ArrayList<>(
                            List.of(
                                    stage(r),
                                    count(r, "received"),
                                    count(r, "refused"),
                                    share(r, "acknowledged_in_time", "received")));
            List<String> out =
                    new ArrayList<>(
                            List.of(
                                    stage(r),
                                    count(r, "responded"),
                                    share(r, "responded_in_time", "responded"),
                                    count(r, "extended"),
                                    count(r, "extended_beyond_limit")));
            if (!forPublic) {
                in.add(decimal(r, "median_working_days_to_acknowledge"));
                out.add(decimal(r, "median_working_days_to_respond"));
            }
            received.add(in);
            answered.add(out);
        }
        List<String> receivedHeader =
                new ArrayList<>(
                        List.of(
                                "Procedure and stage",
                                "Received",
                                "Refused",
                                "Acknowledged in time"));
        List<String> answeredHeader =
                new ArrayList<>(
                        List.of(
                                "Procedure and stage",
                                "Answered",
                                "In time",
                                "Extended",
                                "Beyond the longest extension"));
        if (!forPublic) {
            receivedHeader.add("Median working days to acknowledge");
            answeredHeader.add("Median working days to answer");
        }
        b.add(
                new ReportDocument.Table(
                        "Complaints received in " + year + " and their acknowledgement",
                        receivedHeader,
                        received));
        b.add(
                new ReportDocument.Table(
                        "Complaints received in "
                                + year
                                + " and answered, against the Code's"
                                + " timescales",
                        answeredHeader,
                        answered));
        List<List<String>> reasons = new ArrayList<>();
        for (String reason :
                List.of(
                        "not_a_complaint",
                        "out_of_time",
                        "other_route",
                        "unreasonable_behaviour",
                        "other")) {
            boolean hidden =
                    timeliness.stream().anyMatch(r -> !figure(r, "refused_" + reason).isNumber());
            long n = timeliness.stream().mapToLong(r -> number(r, "refused_" + reason)).sum();
            reasons.add(
                    List.of(
                            names.name(
                                    "not_accepted_reason",
                                    reason.toUpperCase(java.util.Locale.ROOT)),
                            hidden ? "c" : FigureFormat.COUNT.text(n)));
        }
        b.add(
                new ReportDocument.Paragraph(
                        "A complaint the council refused to take is counted apart from those"
                                + " received, with the reason it was refused."));
        b.add(
                new ReportDocument.Table(
                        "Complaints refused in " + year + ", by reason",
                        List.of("Reason", "Refused"),
                        reasons));
        return b;
    }

    private List<ReportDocument.Block> notMet(List<Map<String, Object>> timeliness) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> r : timeliness) {
            String[][] misses = {
                {
                    "not_acknowledged_in_time",
                    " of "
                            + count(r, "received")
                            + " complaints not acknowledged within the Code's working days (late,"
                            + " or not yet acknowledged)."
                },
                {
                    "responded_late_unextended",
                    " answered after the Code's timescale without an extension."
                },
                {
                    "extended_beyond_limit",
                    " answered after even the longest extension the Code allows."
                }
            };
            for (String[] miss : misses) {
                Figure f = figure(r, miss[0]);
                if (!f.isNumber()) {
                    someNotGiven |= f.suppressed();
                } else if (f.value() > 0) {
                    found.add(stage(r) + ": " + count(r, miss[0]) + miss[1]);
                }
            }
        }
        List<ReportDocument.Block> b = new ArrayList<>();
        b.add(
                new ReportDocument.Paragraph(
                        found.isEmpty()
                                ? "The figures show no acknowledgement or answer outside the"
                                        + " Code's timescales in "
                                        + year
                                        + "."
                                : "Where the figures show the Code was not met in "
                                        + year
                                        + ". The self-assessment above says what the council is"
                                        + " doing about it."));
        if (!found.isEmpty()) {
            b.add(new ReportDocument.Bullets(found));
        }
        if (someNotGiven) {
            b.add(
                    new ReportDocument.Paragraph(
                            "For some stages these figures are not given, to protect the people"
                                    + " they are about."));
        }
        return b;
    }

    private List<ReportDocument.Block> learning() throws RefusedQuery {
        List<ReportDocument.Block> b = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        for (Map<String, Object> r : thisYear("learning_summary")) {
            summary.add(
                    List.of(
                            names.name("kind", (String) r.get("kind")),
                            count(r, "agreed"),
                            count(r, "done"),
                            count(r, "done_on_time"),
                            count(r, "overdue")));
        }
        b.add(
                new ReportDocument.Paragraph(
                        "What the council agreed to change because of complaints (training, a"
                                + " review of how something is done, a change to the service),"
                                + " and whether it did it."
                                + (forPublic
                                        ? ""
                                        : " Below, each change to the service made in the year,"
                                                + " with the complaints of the same kind (the same"
                                                + " service and subject) in the 6 months before and"
                                                + " after it. Every action, with its dates, is on the"
                                                + " Learning page of the staff dashboard.")));
        b.add(
                new ReportDocument.Table(
                        "Learning actions agreed in " + year,
                        List.of("Kind", "Agreed", "Done", "Done on time", "Overdue"),
                        summary));
        if (forPublic) {
            return b;
        }
        LocalDate start = FinancialYear.start(year);
        LocalDate end = start.plusYears(1).minusDays(1);
        List<List<String>> done = new ArrayList<>();
        for (Map<String, Object> r : ReleasedRows.read(marts, "learning_actions").rows()) {
            Object completed = r.get("completed_date");
            if (completed == null) {
                continue;
            }
            LocalDate d = LocalDate.parse(completed.toString().substring(0, 10));
            if (d.isBefore(start)
                    || d.isAfter(end)
                    || !"SERVICE_IMPROVEMENT".equals(r.get("kind"))) {
                continue;
            }
            done.add(
                    List.of(
                            names.name("service_area", (String) r.get("service_area")),
                            names.name("theme", (String) r.get("theme")),
                            FigureFormat.DATE.text(completed),
                            Boolean.TRUE.equals(r.get("done_on_time")) ? "Yes" : "No",
                            count(r, "complaints_6_months_before"),
                            r.get("complaints_6_months_after") == null
                                    ? "not yet"
                                    : count(r, "complaints_6_months_after")));
        }
        done.sort(java.util.Comparator.comparing((List<String> row) -> row.get(0)));
        b.add(
                new ReportDocument.Table(
                        "Service improvements completed in " + year,
                        List.of(
                                "Service",
                                "Subject",
                                "Done",
                                "On time",
                                "Complaints in the 6 months before",
                                "In the 6 months after"),
                        done));
        return b;
    }

    private List<ReportDocument.Block> letter() throws RefusedQuery {
        List<ReportDocument.Block> b = new ArrayList<>();
        if (forPublic) {
            b.add(
                    new ReportDocument.Paragraph(
                            "Each July the Ombudsman writes to the council with three figures for"
                                    + " the year beside the average for councils of its kind:"
                                    + " complaints upheld, its recommendations carried out, and"
                                    + " complaints where the council had already put things right."
                                    + " The Ombudsman publishes the letter on its website."));
            return b;
        }
        List<Map<String, Object>> rows = thisYear("lgo_annual_letter");
        b.add(
                new ReportDocument.Paragraph(
                        "Each July the Ombudsman's annual review letter gives the council three"
                                + " figures beside the average for councils of its kind. Worked"
                                + " out here from the council's own records, as the Ombudsman"
                                + " defines them, before the letter comes; the letter's average"
                                + " is added when it arrives."));
        if (rows.isEmpty()) {
            b.add(
                    new ReportDocument.Paragraph(
                            "The Ombudsman made no decision on the council's complaints in "
                                    + year
                                    + ", and no recommendation fell due."));
            return b;
        }
        Map<String, Object> r = rows.get(0);
        b.add(
                new ReportDocument.Table(
                        "The Ombudsman's three figures for " + year,
                        List.of("Figure", "The council", "Of"),
                        List.of(
                                List.of(
                                        "Complaints upheld, of those investigated in detail",
                                        FigureFormat.SHARE.text(r.get("upheld_rate")),
                                        count(r, "upheld") + " of " + count(r, "investigated")),
                                List.of(
                                        "Recommendations carried out on time",
                                        FigureFormat.SHARE.text(r.get("compliance_rate")),
                                        count(r, "recommendations_on_time")
                                                + " of "
                                                + count(r, "recommendations_due")),
                                List.of(
                                        "Satisfactory remedy provided by the council, of those"
                                                + " upheld",
                                        FigureFormat.SHARE.text(r.get("satisfactory_remedy_rate")),
                                        count(r, "remedied_by_council")
                                                + " of "
                                                + count(r, "upheld")))));
        return b;
    }

    private List<Map<String, Object>> thisYear(String mart) throws RefusedQuery {
        return ReleasedRows.read(marts, mart).rows().stream()
                .filter(r -> year.equals(r.get("financial_year")))
                .toList();
    }

    private String stage(Map<String, Object> r) {
        return names.name("procedure", (String) r.get("procedure")) + " stage " + r.get("stage");
    }

    private static Figure figure(Map<String, Object> r, String column) {
        return Figure.of(r.get(column));
    }

    /** The count, 0 where it is none or not given (callers check {@link #figure} first). */
    private static long number(Map<String, Object> r, String column) {
        Figure f = figure(r, column);
        return f.isNumber() ? Math.round(f.value()) : 0;
    }

    private static String count(Map<String, Object> r, String column) {
        Figure f = figure(r, column);
        return f.isNumber() ? FigureFormat.COUNT.text(f.value()) : f.text();
    }

    private static String decimal(Map<String, Object> r, String column) {
        return FigureFormat.DECIMAL.text(r.get(column));
    }

    /** part / whole as a share ({@code 80%}); c where either is not given, a dash for none. */
    private static String share(Map<String, Object> r, String part, String whole) {
        if (!figure(r, part).isNumber() || !figure(r, whole).isNumber()) {
            return "c";
        }
        long w = number(r, whole);
        return w == 0 ? "–" : FigureFormat.SHARE.text((double) number(r, part) / w);
    }
}
