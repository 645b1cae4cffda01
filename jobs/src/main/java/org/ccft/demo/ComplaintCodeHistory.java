package org.ccft.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ccft.reference.calendar.WorkingDayCalendar;
import org.ccft.schemas.CmsContract;

/**
 * What release 1.1 of the contract adds to the demo's history, for the Complaint Handling Code:
 * acknowledgements (most within a few working days, a few late, those received before Christmas
 * acknowledged after its bank holidays), complaints the council refused to take, remedies offered
 * before the Ombudsman decided, and the Ombudsman's recommendations with their due and completed
 * dates. It draws from a random stream of its own, so the figures calibrated to the seed report
 * (drawn from the history's stream) are the same with it as without it; the refused complaints are
 * records of their own, counted in no figure but the Code's, and the changes to the service that
 * worked are actions of their own, placed where complaints of their kind fell.
 */
final class ComplaintCodeHistory {

    private static final String[] REASONS = {
        "NOT_A_COMPLAINT",
        "NOT_A_COMPLAINT",
        "OUT_OF_TIME",
        "OUT_OF_TIME",
        "OTHER_ROUTE",
        "OTHER_ROUTE",
        "OTHER_ROUTE",
        "UNREASONABLE_BEHAVIOUR",
        "OTHER"
    };

    private final Random random;
    private final WorkingDayCalendar calendar;
    private int nextRefused = 1;
    private int nextImprovement = 1;

    ComplaintCodeHistory(long seed, WorkingDayCalendar calendar) {
        this.random = new Random(seed * 31 + 1_2026);
        this.calendar = calendar;
    }

    /**
     * Acknowledgements of complaints (never after the answer), and remedies before the Ombudsman.
     */
    void acknowledge(List<FeedbackItem> items) {
        for (FeedbackItem i : items) {
            if (i.isComplaint() && !i.deletedInError) {
                double u = random.nextDouble();
                int days =
                        u < 0.80
                                ? random.nextInt(4)
                                : u < 0.93 ? 4 + random.nextInt(2) : 6 + random.nextInt(5);
                LocalDate acknowledged = calendar.addWorkingDays(i.received, days).orElse(null);
                if (acknowledged != null
                        && i.response != null
                        && acknowledged.isAfter(i.response)) {
                    acknowledged = i.response;
                }
                i.acknowledged = acknowledged;
            }
            if ("LGO_ENQUIRY".equals(i.feedbackType)
                    && ("UPHELD".equals(i.outcome) || "PARTIALLY_UPHELD".equals(i.outcome))) {
                i.remedyBeforeLgo = random.nextDouble() < 0.3;
            }
        }
    }

    /**
     * Complaints the council refused to take in the year from {@code start} to {@code end}: about
     * one for every 25 complaints received, each a case of its own, acknowledged and closed.
     */
    List<FeedbackItem> refused(
            List<FeedbackItem> complaintsOfTheYear, LocalDate start, LocalDate end) {
        List<FeedbackItem> refused = new ArrayList<>();
        int n = Math.max(1, complaintsOfTheYear.size() / 25);
        long days = ChronoUnit.DAYS.between(start, end);
        for (int k = 0; k < n; k++) {
            FeedbackItem like = complaintsOfTheYear.get(random.nextInt(complaintsOfTheYear.size()));
            FeedbackItem r = new FeedbackItem();
            r.recordId = String.format("NA%07d", nextRefused);
            r.caseRef = String.format("CASE-NA%05d", nextRefused++);
            r.feedbackType = "COMPLAINT";
            r.procedure = like.procedure;
            r.stage = 1;
            r.received = start.plusDays(random.nextLong(days + 1));
            r.serviceArea = like.serviceArea;
            r.team = like.team;
            r.themes = like.themes;
            r.complainantRole = like.complainantRole;
            r.advocate = "NONE";
            r.notAcceptedReason = REASONS[random.nextInt(REASONS.length)];
            r.acknowledged =
                    calendar.addWorkingDays(r.received, 1 + random.nextInt(4)).orElse(r.received);
            r.complainantName = like.complainantName;
            r.complainantEmail = like.complainantEmail;
            r.childName = like.childName;
            r.summary = "Not accepted: " + like.summary;
            refused.add(r);
        }
        return refused;
    }

    /**
     * The Ombudsman's recommendations on an enquiry it upheld: one or two, due one to two months
     * after the decision; most done in time, some late, a few still open.
     */
    List<CmsHistory.Version> recommendations(FeedbackItem lgo) {
        List<CmsHistory.Version> versions = new ArrayList<>();
        if (lgo.response == null
                || !("UPHELD".equals(lgo.outcome) || "PARTIALLY_UPHELD".equals(lgo.outcome))) {
            return versions;
        }
        int n = 1 + random.nextInt(2);
        for (int k = 1; k <= n; k++) {
            String id = lgo.recordId.replace("FB", "LR") + "-" + k;
            LocalDate due = lgo.response.plusDays(30 + random.nextInt(31));
            Map<String, String> v = new LinkedHashMap<>();
            v.put("action_id", id);
            v.put("record_id", lgo.recordId);
            v.put("kind", "LGO_RECOMMENDATION");
            v.put(
                    "description",
                    "As the Ombudsman recommended, we will write to " + lgo.complainantName);
            v.put("owner_team", lgo.team);
            v.put("agreed_date", lgo.response.toString());
            v.put("due_date", due.toString());
            v.put("status", "OPEN");
            v.put("is_deleted", "N");
            Instant agreed = at(lgo.response, 17);
            v.put("last_modified", agreed.toString());
            versions.add(version(id, agreed, v));
            double fate = random.nextDouble();
            if (fate < 0.9) {
                LocalDate done =
                        fate < 0.75
                                ? lgo.response.plusDays(
                                        1
                                                + random.nextLong(
                                                        ChronoUnit.DAYS.between(lgo.response, due)))
                                : due.plusDays(3 + random.nextInt(28));
                Instant completed = at(done, 14);
                v.put("completed_date", done.toString());
                v.put("status", "DONE");
                v.put("last_modified", completed.toString());
                versions.add(version(id, completed, v));
            }
        }
        return versions;
    }

    /**
     * Changes to the service that worked: for each of the most complained-about kinds (service area
     * and primary theme), once a year, a service improvement agreed after an upheld complaint of
     * that kind and made on the first of the month after which complaints of that kind fell most
     * (the most in the 6 months before against the fewest in the 6 months after). The complaints
     * are the history's own, untouched: the change is placed where they fell.
     */
    List<CmsHistory.Version> improvements(List<FeedbackItem> all, List<String> financialYears) {
        Map<String, List<FeedbackItem>> byKind = new LinkedHashMap<>();
        for (FeedbackItem c : all) {
            if (c.isComplaint() && !c.deletedInError && !c.themes.isEmpty()) {
                byKind.computeIfAbsent(
                                c.serviceArea + "/" + c.themes.get(0), k -> new ArrayList<>())
                        .add(c);
            }
        }
        List<List<FeedbackItem>> largest =
                byKind.values().stream()
                        .sorted(
                                java.util.Comparator.comparingInt(
                                        (List<FeedbackItem> l) -> -l.size()))
                        .limit(5)
                        .toList();
        // A fall is only seen where the 6 months after are in the history.
        LocalDate last = all.stream().map(c -> c.received).max(LocalDate::compareTo).orElseThrow();
        List<CmsHistory.Version> versions = new ArrayList<>();
        for (List<FeedbackItem> kind : largest) {
            for (String year : financialYears) {
                LocalDate start = org.ccft.reference.calendar.FinancialYear.start(year);
                LocalDate best = null;
                long bestFall = 0;
                for (int m = 2; m < 12; m++) {
                    LocalDate d = start.plusMonths(m);
                    if (d.plusMonths(6).isAfter(last)) {
                        break;
                    }
                    long fall =
                            received(kind, d.minusMonths(6), d)
                                    - received(kind, d, d.plusMonths(6));
                    if (fall > bestFall) {
                        bestFall = fall;
                        best = d;
                    }
                }
                LocalDate made = best;
                FeedbackItem upheld =
                        made == null
                                ? null
                                : kind.stream()
                                        .filter(
                                                c ->
                                                        "UPHELD".equals(c.outcome)
                                                                || "PARTIALLY_UPHELD"
                                                                        .equals(c.outcome))
                                        .filter(
                                                c ->
                                                        c.response != null
                                                                && c.response.isBefore(
                                                                        made.minusDays(30)))
                                        .max(java.util.Comparator.comparing(c -> c.response))
                                        .orElse(null);
                if (upheld == null) {
                    continue;
                }
                String id = String.format("SI%05d", nextImprovement++);
                Map<String, String> v = new LinkedHashMap<>();
                v.put("action_id", id);
                v.put("record_id", upheld.recordId);
                v.put("kind", "SERVICE_IMPROVEMENT");
                v.put(
                        "description",
                        "Change how the service works, after the complaint of "
                                + upheld.complainantName);
                v.put("owner_team", upheld.team);
                v.put("agreed_date", upheld.response.toString());
                v.put("due_date", made.plusDays(random.nextInt(15)).toString());
                v.put("status", "OPEN");
                v.put("is_deleted", "N");
                Instant agreed = at(upheld.response, 18);
                v.put("last_modified", agreed.toString());
                versions.add(version(id, agreed, v));
                Instant completed = at(made, 15);
                v.put("completed_date", made.toString());
                v.put("status", "DONE");
                v.put("last_modified", completed.toString());
                versions.add(version(id, completed, v));
            }
        }
        return versions;
    }

    /** Complaints of the kind received from {@code from} (inclusive) to {@code to} (exclusive). */
    private static long received(List<FeedbackItem> kind, LocalDate from, LocalDate to) {
        return kind.stream()
                .filter(c -> !c.received.isBefore(from) && c.received.isBefore(to))
                .count();
    }

    private static CmsHistory.Version version(String id, Instant at, Map<String, String> v) {
        return new CmsHistory.Version(
                CmsContract.ACTIONS, id, at, CmsHistory.row(CmsContract.ACTIONS, v));
    }

    /** A time on the date, at a fixed minute: this stream's own, not the history's. */
    static Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 30)).toInstant(ZoneOffset.UTC);
    }
}
