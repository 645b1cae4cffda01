package org.ccft.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.ccft.reference.ComplaintTimescale;
import org.ccft.reference.calendar.FinancialYear;
import org.ccft.reference.calendar.WorkingDayCalendar;

/**
 * The report's figures that count by the year a complaint was answered, or an ombudsman enquiry
 * decided, rather than received: how many were concluded and how they ended, how many were extended
 * and sent late, how many stage 1 complaints were reopened; the ombudsman's caseload (carried in,
 * decided, still open) and its decisions by outcome and theme. Receipt-year figures are fixed by
 * then; this pass only moves response dates (within what each record allows) and deals outcomes and
 * flags, so each year's answered complaints carry the calibrated shares exactly, and the report
 * year its exact counts.
 */
final class ResponseYearCalibration {

    private final DemoCalibration calibration;
    private final DemoCalibration.ReportYear report;
    private final IntUnaryOperator scaled;
    private final Random random;
    private final WorkingDayCalendar calendar;
    private final List<ComplaintTimescale> timescales;

    ResponseYearCalibration(
            DemoCalibration calibration,
            IntUnaryOperator scaled,
            Random random,
            WorkingDayCalendar calendar,
            List<ComplaintTimescale> timescales) {
        this.calibration = calibration;
        this.report = calibration.reportYear();
        this.scaled = scaled;
        this.random = random;
        this.calendar = calendar;
        this.timescales = timescales;
    }

    void apply(List<FeedbackItem> all) {
        List<FeedbackItem> complaints =
                all.stream().filter(c -> c.isComplaint() && !c.deletedInError).toList();
        List<FeedbackItem> lgo =
                all.stream().filter(i -> "LGO_ENQUIRY".equals(i.feedbackType)).toList();
        for (String fy : calibration.financialYears()) {
            LocalDate start = FinancialYear.start(fy);
            LocalDate end = start.plusYears(1).minusDays(1);
            boolean reportYear = fy.equals(report.financialYear());
            if (reportYear) {
                lgoCaseload(lgo, start, end);
            }
            complaintsAnswered(complaints, start, end, reportYear);
            lgoDecided(lgo, start, end, reportYear);
        }
    }

    /**
     * Complaints answered in [start, end]: exact counts concluded (report year), extended, late, by
     * outcome.
     */
    private void complaintsAnswered(
            List<FeedbackItem> complaints, LocalDate start, LocalDate end, boolean reportYear) {
        List<FeedbackItem> answered =
                new ArrayList<>(
                        complaints.stream().filter(c -> within(c.response, start, end)).toList());
        if (reportYear) {
            resize(
                    answered,
                    complaints,
                    scaled.applyAsInt(report.complaintsConcluded()),
                    start,
                    end);
        }
        int n = answered.size();
        int extended =
                reportYear
                        ? scaled.applyAsInt(report.extended())
                        : (int) Math.round(calibration.extendedShare() * n);
        int late =
                reportYear
                        ? scaled.applyAsInt(report.outsideTimescale())
                        : (int) Math.round(calibration.lateShare() * n);
        List<Boolean> isExtended = Allocation.share((double) extended / Math.max(1, n), n, random);
        for (int i = 0; i < n; i++) {
            answered.get(i).extensionAgreed = isExtended.get(i);
        }
        // A stage whose deadline falls before the year began can only have been answered late in
        // it; one whose deadline is the year's last day or later, only on time. The rest are dealt
        // at random.
        List<FeedbackItem> mustBeLate = new ArrayList<>();
        List<FeedbackItem> free = new ArrayList<>();
        for (FeedbackItem c : answered) {
            LocalDate deadline = deadline(c);
            if (deadline.isBefore(start)) {
                mustBeLate.add(c);
            } else if (deadline.isBefore(end)) {
                free.add(c);
            }
        }
        if (mustBeLate.size() > late || mustBeLate.size() + free.size() < late) {
            throw new IllegalStateException(
                    "cannot answer exactly "
                            + late
                            + " of "
                            + n
                            + " complaints late in the year from "
                            + start
                            + ": "
                            + mustBeLate.size()
                            + " must be, "
                            + free.size()
                            + " could be");
        }
        Collections.shuffle(free, random);
        Set<FeedbackItem> lateOnes = Collections.newSetFromMap(new IdentityHashMap<>());
        lateOnes.addAll(mustBeLate);
        lateOnes.addAll(free.subList(0, late - mustBeLate.size()));
        for (FeedbackItem c : answered) {
            c.response =
                    lateOnes.contains(c)
                            ? lateResponse(c, start, end)
                            : onTimeResponse(c, start, end);
        }
        List<String> outcomes = Allocation.of(calibration.complaintOutcomes(), n, random);
        for (int i = 0; i < n; i++) {
            FeedbackItem c = answered.get(i);
            c.outcome = outcomes.get(i);
            c.remedyGbp =
                    c.stage > 1
                                    && "UPHELD".equals(c.outcome)
                                    && random.nextDouble()
                                            < calibration.chance("remedy_on_upheld_escalation")
                            ? new BigDecimal(150 + 50 * random.nextInt(30))
                                    .setScale(2)
                                    .toPlainString()
                            : null;
        }
        List<FeedbackItem> stageOnes = answered.stream().filter(c -> c.stage == 1).toList();
        List<Boolean> reopened =
                Allocation.share(calibration.reopenedShare(), stageOnes.size(), random);
        for (int i = 0; i < stageOnes.size(); i++) {
            stageOnes.get(i).reopened = reopened.get(i);
        }
    }

    /**
     * Brings the year's answered complaints to {@code target}: answers sooner some received in the
     * year and answered after it (those answered soonest after), or later some answered in it
     * (those answered last).
     */
    private void resize(
            List<FeedbackItem> answered,
            List<FeedbackItem> complaints,
            int target,
            LocalDate start,
            LocalDate end) {
        if (answered.size() < target) {
            List<FeedbackItem> after =
                    complaints.stream()
                            .filter(
                                    c ->
                                            within(c.received, start, end)
                                                    && (c.response == null
                                                            || c.response.isAfter(end))
                                                    && c.received.isBefore(end))
                            .sorted(
                                    Comparator.comparing(
                                                    (FeedbackItem c) ->
                                                            c.response == null
                                                                    ? LocalDate.MAX
                                                                    : c.response)
                                            .thenComparing(c -> c.recordId))
                            .toList();
            for (FeedbackItem c :
                    after.subList(0, Math.min(after.size(), target - answered.size()))) {
                c.response = end;
                answered.add(c);
            }
        } else if (answered.size() > target) {
            List<FeedbackItem> last =
                    answered.stream()
                            .filter(c -> within(c.received, start, end))
                            .sorted(
                                    Comparator.comparing((FeedbackItem c) -> c.response)
                                            .reversed()
                                            .thenComparing(c -> c.recordId))
                            .toList();
            for (FeedbackItem c : last.subList(0, answered.size() - target)) {
                c.response = calendar.addWorkingDays(end, 1 + random.nextInt(10)).orElseThrow();
                answered.remove(c);
            }
        }
        if (answered.size() != target) {
            throw new IllegalStateException(
                    "cannot conclude exactly " + target + " complaints in the year from " + start);
        }
    }

    private LocalDate deadline(FeedbackItem c) {
        int days =
                ComplaintTimescale.find(timescales, c.procedure, c.stage, c.received)
                        .orElseThrow()
                        .workingDays(c.extensionAgreed);
        return calendar.addWorkingDays(c.received, days).orElseThrow();
    }

    /** After the deadline, inside the year, not before receipt. */
    private LocalDate lateResponse(FeedbackItem c, LocalDate start, LocalDate end) {
        LocalDate r = calendar.addWorkingDays(deadline(c), 1 + random.nextInt(15)).orElseThrow();
        if (r.isBefore(start)) {
            r = calendar.addWorkingDays(start, random.nextInt(10)).orElseThrow();
        }
        return r.isAfter(end) ? end : r;
    }

    /** On or before the deadline, inside the year, not before receipt. */
    private LocalDate onTimeResponse(FeedbackItem c, LocalDate start, LocalDate end) {
        LocalDate from = c.received.isBefore(start) ? start : c.received;
        LocalDate to = deadline(c).isAfter(end) ? end : deadline(c);
        long span = ChronoUnit.DAYS.between(from, to);
        LocalDate r = from.plusDays(span <= 0 ? 0 : random.nextLong(span + 1));
        while (!calendar.isWorkingDay(r) && r.isBefore(to)) {
            r = r.plusDays(1);
        }
        return r;
    }

    /**
     * The report year's ombudsman caseload: exactly {@code lgo_carried_in} enquiries received
     * before the year and undecided when it began, and of those worked with in the year, exactly
     * {@code lgo_decided} decided in it; the rest still open at its end.
     */
    private void lgoCaseload(List<FeedbackItem> lgo, LocalDate start, LocalDate end) {
        List<FeedbackItem> before =
                lgo.stream()
                        .filter(l -> l.received.isBefore(start))
                        .sorted(
                                Comparator.comparing((FeedbackItem l) -> l.received)
                                        .reversed()
                                        .thenComparing(l -> l.recordId))
                        .toList();
        List<FeedbackItem> carried =
                new ArrayList<>(before.stream().filter(l -> !l.response.isBefore(start)).toList());
        int carriedTarget = scaled.applyAsInt(report.lgoCarriedIn());
        for (FeedbackItem l : before) {
            if (carried.size() < carriedTarget && l.response.isBefore(start)) {
                l.response = start; // decided on or after the year's first day: carried in
                carried.add(l);
            }
        }
        while (carried.size() > carriedTarget) {
            FeedbackItem l =
                    carried.remove(carried.size() - 1); // the oldest: decided before the year began
            l.response = l.received.plusDays(ChronoUnit.DAYS.between(l.received, start) / 2 + 1);
        }
        List<FeedbackItem> workedWith = new ArrayList<>(carried);
        workedWith.addAll(lgo.stream().filter(l -> within(l.received, start, end)).toList());
        // Enquiries received in the year's last fortnight stay open; the others are dealt at
        // random.
        List<FeedbackItem> canBeDecided =
                new ArrayList<>(
                        workedWith.stream()
                                .filter(l -> l.received.isBefore(end.minusDays(14)))
                                .toList());
        Collections.shuffle(canBeDecided, random);
        int decided = scaled.applyAsInt(report.lgoDecided());
        if (canBeDecided.size() < decided) {
            throw new IllegalStateException(
                    "cannot decide " + decided + " ombudsman enquiries in the year from " + start);
        }
        Set<FeedbackItem> decidedOnes = Collections.newSetFromMap(new IdentityHashMap<>());
        decidedOnes.addAll(canBeDecided.subList(0, decided));
        for (FeedbackItem l : workedWith) {
            if (decidedOnes.contains(l)) {
                LocalDate from =
                        l.received.plusDays(14).isBefore(start) ? start : l.received.plusDays(14);
                l.response = from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, end) + 1));
            } else {
                l.response = end.plusDays(20 + random.nextInt(180));
            }
        }
    }

    /**
     * Decisions in [start, end]: outcomes dealt exactly; in the report year, primary themes too.
     */
    private void lgoDecided(
            List<FeedbackItem> lgo, LocalDate start, LocalDate end, boolean reportYear) {
        List<FeedbackItem> decided =
                lgo.stream().filter(l -> within(l.response, start, end)).toList();
        List<String> outcomes = Allocation.of(calibration.lgoOutcomes(), decided.size(), random);
        for (int i = 0; i < decided.size(); i++) {
            decided.get(i).outcome = outcomes.get(i);
        }
        if (reportYear) {
            List<String> themes = Allocation.of(report.lgoDecisionThemes(), decided.size(), random);
            for (int i = 0; i < decided.size(); i++) {
                FeedbackItem l = decided.get(i);
                List<String> t = new ArrayList<>(List.of(themes.get(i)));
                l.themes.stream().skip(1).filter(x -> !t.contains(x)).forEach(t::add);
                l.themes = t;
            }
        }
    }

    private static boolean within(LocalDate d, LocalDate start, LocalDate end) {
        return d != null && !d.isBefore(start) && !d.isAfter(end);
    }
}
