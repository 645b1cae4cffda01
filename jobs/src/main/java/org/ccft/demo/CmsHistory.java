package org.ccft.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ccft.reference.ComplaintTimescale;
import org.ccft.reference.calendar.FinancialYear;
import org.ccft.reference.calendar.WorkingDayCalendar;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * Generates the council's CMS history for the demo: every feedback record with its versions
 * (created, responded, corrected, deleted in error), the commitments made in responses (actions)
 * and the agreed updates to complainants who need reasonable adjustments (contacts). Seeded: the
 * same seed and scale give the same history, byte for byte.
 */
final class CmsHistory {

    /** One row version of one record: what an export taken after {@code lastModified} shows. */
    record Version(FileContract file, String key, Instant lastModified, List<String> values) {}

    private static final String[] FIRST = {
        "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Robin", "Charlie",
        "Avery", "Quinn"
    };
    private static final String[] LAST = {
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Patel",
        "Robinson",
        "Wright",
        "Thompson"
    };
    private static final String[] ADJUSTMENTS = {
        "LARGE_PRINT",
        "EASY_READ",
        "COLOURED_PAPER",
        "ELECTRONIC",
        "WEEKLY_UPDATE",
        "SINGLE_POINT_OF_CONTACT",
        "BRAILLE"
    };
    private static final String[] ACTION_KINDS = {
        "APOLOGY",
        "REMEDY_PAYMENT",
        "ASSESSMENT",
        "SERVICE_IMPROVEMENT",
        "TRAINING",
        "PROCESS_REVIEW"
    };

    private final DemoCalibration calibration;
    private final double scale;
    private final Random random;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.england();
    private final List<ComplaintTimescale> timescales = ComplaintTimescale.all();
    private final List<Version> versions = new ArrayList<>();
    private final ComplaintCodeHistory code;
    private int nextId = 1;
    private int nextCase = 1;

    CmsHistory(DemoCalibration calibration, double scale, long seed) {
        this.calibration = calibration;
        this.scale = scale;
        this.random = new Random(seed);
        this.code = new ComplaintCodeHistory(seed, calendar);
    }

    /**
     * Every version of every record, for the financial years of the calibration, in order of
     * last_modified.
     */
    List<Version> generate() {
        List<FeedbackItem> all = new ArrayList<>();
        for (String year : calibration.financialYears()) {
            all.addAll(year(year));
        }
        startEveryCaseAtStage1(
                all.stream().filter(c -> c.isComplaint() && !c.deletedInError).toList());
        new ResponseYearCalibration(calibration, this::scaled, random, calendar, timescales)
                .apply(all);
        linkStages(all);
        linkOmbudsmanCases(all);
        code.acknowledge(all);
        List<FeedbackItem> refused = new ArrayList<>();
        for (String year : calibration.financialYears()) {
            LocalDate start = FinancialYear.start(year);
            refused.addAll(
                    code.refused(
                            all.stream()
                                    .filter(c -> c.isComplaint() && !c.deletedInError)
                                    .filter(c -> !c.received.isBefore(start))
                                    .filter(c -> c.received.isBefore(start.plusYears(1)))
                                    .toList(),
                            start,
                            start.plusYears(1).minusDays(1)));
        }
        for (FeedbackItem item : refused) {
            versions.add(
                    feedbackRow(
                            item, ComplaintCodeHistory.at(item.acknowledged, 16), false, false));
        }
        for (FeedbackItem item : all) {
            feedbackVersions(item);
            if (item.isComplaint() && item.response != null && !item.deletedInError) {
                commitments(item);
            }
            if ("LGO_ENQUIRY".equals(item.feedbackType)) {
                versions.addAll(code.recommendations(item));
            }
            if (!item.adjustments.isEmpty()) {
                agreedUpdates(item);
            }
        }
        versions.addAll(code.improvements(all, calibration.financialYears()));
        versions.sort(Comparator.comparing(Version::lastModified).thenComparing(Version::key));
        return versions;
    }

    private int scaled(int n) {
        return (int) Math.round(n * scale);
    }

    private List<FeedbackItem> year(String fy) {
        LocalDate start = FinancialYear.start(fy);
        LocalDate end = start.plusYears(1).minusDays(1);
        Map<String, Integer> targets = calibration.received().get(fy);
        List<FeedbackItem> items = new ArrayList<>();
        targets.forEach(
                (measure, count) -> {
                    int n = scaled(count);
                    List<LocalDate> dates = spread(start, end, n);
                    for (LocalDate d : dates) {
                        items.add(item(measure, d));
                    }
                });
        allocate(
                items,
                i -> i.isComplaint() && "STATUTORY".equals(i.procedure),
                "statutory_complaint");
        allocate(
                items,
                i -> i.isComplaint() && "CORPORATE".equals(i.procedure),
                "corporate_complaint");
        allocate(items, i -> "COMPLIMENT".equals(i.feedbackType), "compliment");
        allocate(items, i -> "LGO_ENQUIRY".equals(i.feedbackType), "lgo_enquiry");
        allocate(items, i -> i.serviceArea == null, "other");
        themes(items);
        complaintDetails(items);
        responses(items);
        // A few records created in error and deleted a few days later: never counted anywhere.
        int errors = Math.max(1, items.size() / 200);
        List<LocalDate> errorDates = spread(start, end, errors);
        for (LocalDate d : errorDates) {
            FeedbackItem e = item("corporate_stage1", d);
            e.serviceArea = "SAT";
            e.team = teamOf("SAT");
            e.themes = List.of("PLANS");
            e.complainantRole = "PARENT";
            e.advocate = "NONE";
            e.deletedInError = true;
            items.add(e);
        }
        return items;
    }

    private void allocate(List<FeedbackItem> items, Predicate<FeedbackItem> which, String mix) {
        List<FeedbackItem> chosen = items.stream().filter(which).toList();
        List<String> areas =
                Allocation.of(calibration.serviceAreas().get(mix), chosen.size(), random);
        for (int i = 0; i < chosen.size(); i++) {
            chosen.get(i).serviceArea = areas.get(i);
            chosen.get(i).team = teamOf(areas.get(i));
        }
    }

    private String teamOf(String area) {
        String[] patches = {"North", "South", "East", "Fenland", "City"};
        return area.replace('_', ' ').toLowerCase() + " " + patches[random.nextInt(patches.length)];
    }

    /**
     * Primary themes by the calibrated shares: of complaints and enquiries together, and of
     * ombudsman enquiries.
     */
    private void themes(List<FeedbackItem> items) {
        primaryThemes(
                items.stream()
                        .filter(i -> i.isComplaint() || "ENQUIRY".equals(i.feedbackType))
                        .toList());
        primaryThemes(items.stream().filter(i -> "LGO_ENQUIRY".equals(i.feedbackType)).toList());
    }

    private void primaryThemes(List<FeedbackItem> themed) {
        List<String> primary = Allocation.of(calibration.themes(), themed.size(), random);
        List<String> codes = new ArrayList<>(calibration.themes().keySet());
        for (int i = 0; i < themed.size(); i++) {
            List<String> t = new ArrayList<>(List.of(primary.get(i)));
            if (random.nextDouble() < calibration.chance("second_theme")) {
                String second = codes.get(random.nextInt(codes.size()));
                if (!t.contains(second)) {
                    t.add(second);
                }
            }
            themed.get(i).themes = t;
        }
    }

    private void complaintDetails(List<FeedbackItem> items) {
        List<FeedbackItem> complaints = items.stream().filter(FeedbackItem::isComplaint).toList();
        List<String> roles =
                Allocation.of(calibration.complainantRoles(), complaints.size(), random);
        List<String> outcomes =
                Allocation.of(calibration.complaintOutcomes(), complaints.size(), random);
        List<Boolean> extended =
                Allocation.share(calibration.extendedShare(), complaints.size(), random);
        List<Boolean> adjustments =
                Allocation.share(
                        calibration.reasonableAdjustmentsShare(), complaints.size(), random);
        long youngPeople = roles.stream().filter("YOUNG_PERSON"::equals).count();
        Deque<Boolean> advocated =
                new ArrayDeque<>(
                        Allocation.share(
                                calibration.youngPersonAdvocateShare(), (int) youngPeople, random));
        for (int i = 0; i < complaints.size(); i++) {
            FeedbackItem c = complaints.get(i);
            c.complainantRole = roles.get(i);
            c.outcome = outcomes.get(i);
            c.extensionAgreed = extended.get(i);
            c.advocate =
                    "YOUNG_PERSON".equals(c.complainantRole)
                            ? (advocated.pop()
                                    ? (random.nextBoolean() ? "NYAS" : "VOICEABILITY")
                                    : "NONE")
                            : "NONE";
            c.nonResidentParent =
                    "PARENT".equals(c.complainantRole)
                            && random.nextDouble() < calibration.chance("non_resident_parent");
            if (adjustments.get(i)) {
                c.adjustments = List.of(ADJUSTMENTS[random.nextInt(ADJUSTMENTS.length)]);
            }
        }
        List<FeedbackItem> stageOnes = complaints.stream().filter(c -> c.stage == 1).toList();
        List<Boolean> reopened =
                Allocation.share(calibration.reopenedShare(), stageOnes.size(), random);
        for (int i = 0; i < stageOnes.size(); i++) {
            stageOnes.get(i).reopened = reopened.get(i);
        }
        List<FeedbackItem> lgo =
                items.stream().filter(i -> "LGO_ENQUIRY".equals(i.feedbackType)).toList();
        List<String> lgoOutcomes = Allocation.of(calibration.lgoOutcomes(), lgo.size(), random);
        for (int i = 0; i < lgo.size(); i++) {
            lgo.get(i).outcome = lgoOutcomes.get(i);
        }
    }

    private void responses(List<FeedbackItem> items) {
        List<FeedbackItem> complaints = items.stream().filter(FeedbackItem::isComplaint).toList();
        List<Boolean> late = Allocation.share(calibration.lateShare(), complaints.size(), random);
        for (int i = 0; i < complaints.size(); i++) {
            FeedbackItem c = complaints.get(i);
            int days =
                    ComplaintTimescale.find(timescales, c.procedure, c.stage, c.received)
                            .orElseThrow()
                            .workingDays(c.extensionAgreed);
            int k =
                    late.get(i)
                            ? days + 1 + random.nextInt(15)
                            : Math.max(1, days / 3 + random.nextInt(days - days / 3 + 1));
            c.response = calendar.addWorkingDays(c.received, k).orElse(null);
        }
        for (FeedbackItem i : items) {
            switch (i.feedbackType) {
                case "LGO_ENQUIRY" -> i.response = i.received.plusDays(40 + random.nextInt(260));
                case "ENQUIRY",
                        "RESOLVING_PROFESSIONAL_DIFFERENCES",
                        "CORRESPONDENCE",
                        "SAFEGUARDING_PARTNERSHIP_BOARD",
                        "SOCIAL_WORK_ENGLAND",
                        "REPRESENTATION" ->
                        i.response =
                                calendar.addWorkingDays(i.received, 5 + random.nextInt(16))
                                        .orElse(null);
                default -> {}
            }
        }
    }

    private FeedbackItem item(String measure, LocalDate received) {
        FeedbackItem i = new FeedbackItem();
        i.recordId = String.format("FB%07d", nextId++);
        i.caseRef = String.format("CASE-%06d", nextCase++);
        i.received = received;
        switch (measure) {
            case "compliments" -> i.feedbackType = "COMPLIMENT";
            case "enquiries_general", "enquiries_councillor", "enquiries_mp" -> {
                i.feedbackType = "ENQUIRY";
                i.enquirySource = measure.substring("enquiries_".length()).toUpperCase();
            }
            case "lgo_enquiries" -> i.feedbackType = "LGO_ENQUIRY";
            case "resolving_professional_differences",
                    "correspondence",
                    "safeguarding_partnership_board",
                    "social_work_england",
                    "representation" ->
                    i.feedbackType = measure.toUpperCase();
            default -> {
                i.feedbackType = "COMPLAINT";
                i.procedure = measure.substring(0, measure.indexOf('_')).toUpperCase();
                i.stage = Integer.parseInt(measure.substring(measure.length() - 1));
            }
        }
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        i.complainantName = first + " " + last;
        i.complainantEmail = (first + "." + last + nextId + "@example.org").toLowerCase();
        i.childName = FIRST[random.nextInt(FIRST.length)] + " " + last;
        i.summary =
                "Concerns raised by "
                        + first
                        + ", about \"the plan\", communication and delays;\n"
                        + "asked for a response in writing.";
        return i;
    }

    /** n dates spread evenly over [start, end], weekends moved to a weekday inside the range. */
    private List<LocalDate> spread(LocalDate start, LocalDate end, int n) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        List<LocalDate> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            LocalDate d = start.plusDays((long) Math.floor((k + random.nextDouble()) * days / n));
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                d = d.minusDays(1).isBefore(start) ? d.plusDays(2) : d.minusDays(1);
            } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1).isAfter(end) ? d.minusDays(2) : d.plusDays(1);
            }
            out.add(d);
        }
        return out;
    }

    /**
     * A stage 2 (3) complaint continues an earlier stage 1 (2) of the same procedure: it shares its
     * case_ref. It takes a stage answered in the 60 days before it was received, not already
     * continued, at random; failing one, the earliest stage received before it still waiting (so
     * every case starts at stage 1).
     */
    private void linkStages(List<FeedbackItem> all) {
        List<FeedbackItem> complaints =
                all.stream()
                        .filter(c -> c.isComplaint() && !c.deletedInError)
                        .sorted(
                                Comparator.comparing((FeedbackItem c) -> c.received)
                                        .thenComparing(c -> c.recordId))
                        .toList();
        Map<String, NavigableMap<LocalDate, List<FeedbackItem>>> answered = new HashMap<>();
        Map<String, Deque<FeedbackItem>> waiting = new HashMap<>();
        Set<FeedbackItem> continued = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FeedbackItem c : complaints) {
            if (c.response != null) {
                answered.computeIfAbsent(c.procedure + c.stage, k -> new TreeMap<>())
                        .computeIfAbsent(c.response, k -> new ArrayList<>())
                        .add(c);
            }
        }
        for (FeedbackItem c : complaints) {
            String earlierStage = c.procedure + (c.stage - 1);
            if (c.stage > 1) {
                List<FeedbackItem> recent =
                        answered
                                .getOrDefault(earlierStage, new TreeMap<>())
                                .subMap(c.received.minusDays(60), true, c.received, false)
                                .values()
                                .stream()
                                .flatMap(List::stream)
                                .filter(p -> !continued.contains(p))
                                .toList();
                FeedbackItem previous =
                        recent.isEmpty() ? null : recent.get(random.nextInt(recent.size()));
                Deque<FeedbackItem> queue = waiting.getOrDefault(earlierStage, new ArrayDeque<>());
                while (previous == null
                        && !queue.isEmpty()
                        && queue.peekFirst().received.isBefore(c.received)) {
                    FeedbackItem head = queue.pollFirst();
                    previous = continued.contains(head) ? null : head;
                }
                if (previous != null) {
                    continued.add(previous);
                    c.caseRef = previous.caseRef;
                    c.complainantName = previous.complainantName;
                    c.complainantEmail = previous.complainantEmail;
                    c.childName = previous.childName;
                }
            }
            waiting.computeIfAbsent(c.procedure + c.stage, k -> new ArrayDeque<>()).addLast(c);
        }
    }

    /**
     * Most ombudsman enquiries (six in ten) follow a complaint the council answered: they take the
     * case_ref of a case whose last answer came before the enquiry, one not already taken, among
     * the 30 latest.
     */
    private void linkOmbudsmanCases(List<FeedbackItem> all) {
        Map<String, FeedbackItem> lastAnswer = new HashMap<>();
        all.stream()
                .filter(c -> c.isComplaint() && !c.deletedInError && c.response != null)
                .forEach(
                        c ->
                                lastAnswer.merge(
                                        c.caseRef,
                                        c,
                                        (a, b) -> a.response.isAfter(b.response) ? a : b));
        List<FeedbackItem> answered =
                lastAnswer.values().stream()
                        .sorted(
                                Comparator.comparing((FeedbackItem c) -> c.response)
                                        .thenComparing(c -> c.recordId))
                        .toList();
        List<FeedbackItem> enquiries =
                all.stream()
                        .filter(i -> "LGO_ENQUIRY".equals(i.feedbackType))
                        .sorted(
                                Comparator.comparing((FeedbackItem i) -> i.received)
                                        .thenComparing(i -> i.recordId))
                        .toList();
        Set<String> taken = new HashSet<>();
        for (FeedbackItem lgo : enquiries) {
            if (random.nextDouble() >= calibration.chance("lgo_follows_a_complaint")) {
                continue;
            }
            int lo = 0;
            int hi = answered.size(); // the first answer on or after the enquiry's receipt
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (answered.get(mid).response.isBefore(lgo.received)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int before = lo;
            List<FeedbackItem> recent =
                    answered.subList(Math.max(0, before - 30), before).stream()
                            .filter(c -> !taken.contains(c.caseRef))
                            .toList();
            if (!recent.isEmpty()) {
                FeedbackItem c = recent.get(random.nextInt(recent.size()));
                taken.add(c.caseRef);
                lgo.caseRef = c.caseRef;
                lgo.serviceArea = lgo.serviceArea == null ? c.serviceArea : lgo.serviceArea;
            }
        }
    }

    /**
     * The history has a first day: an escalation dated on or before the first stage it could
     * continue (of its procedure) moves, with its response, to a week after that one, so that every
     * case in the data starts at stage 1. Only the first weeks of the first year are touched.
     */
    private static void startEveryCaseAtStage1(List<FeedbackItem> complaints) {
        for (int stage = 2; stage <= 3; stage++) {
            int earlierStage = stage - 1;
            int thisStage = stage;
            for (String procedure : List.of("STATUTORY", "CORPORATE")) {
                var first =
                        complaints.stream()
                                .filter(
                                        c ->
                                                procedure.equals(c.procedure)
                                                        && c.stage == earlierStage)
                                .map(c -> c.received)
                                .min(Comparator.naturalOrder());
                if (first.isEmpty()) {
                    continue;
                }
                for (FeedbackItem c : complaints) {
                    if (procedure.equals(c.procedure)
                            && c.stage == thisStage
                            && !c.received.isAfter(first.get())) {
                        long days = ChronoUnit.DAYS.between(c.received, first.get()) + 7;
                        c.received = c.received.plusDays(days);
                        c.response = c.response == null ? null : c.response.plusDays(days);
                    }
                }
            }
        }
    }

    private void feedbackVersions(FeedbackItem i) {
        Instant created = at(i.received, 10);
        versions.add(feedbackRow(i, created, false, false));
        // a correction: the team is changed a few days later (before any answer)
        if (random.nextDouble() < calibration.chance("team_corrected")) {
            i.team = teamOf(i.serviceArea);
            boolean answeredSoon =
                    i.response != null && i.response.isBefore(i.received.plusDays(3));
            versions.add(
                    feedbackRow(
                            i,
                            at(answeredSoon ? i.received : i.received.plusDays(2), 11),
                            false,
                            false));
        }
        if (i.deletedInError) {
            versions.add(feedbackRow(i, at(i.received.plusDays(3), 12), false, true));
            return;
        }
        // the acknowledgement, when it came after the day of receipt and before the answer
        if (i.acknowledged != null
                && i.acknowledged.isAfter(i.received)
                && (i.response == null || i.acknowledged.isBefore(i.response))) {
            versions.add(feedbackRow(i, ComplaintCodeHistory.at(i.acknowledged, 9), false, false));
        }
        if (i.response != null) {
            versions.add(feedbackRow(i, at(i.response, 15), true, false));
        }
    }

    private Version feedbackRow(
            FeedbackItem i, Instant lastModified, boolean responded, boolean deleted) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("record_id", i.recordId);
        v.put("case_ref", i.caseRef);
        v.put("feedback_type", i.feedbackType);
        v.put("enquiry_source", i.enquirySource);
        v.put("procedure", i.procedure);
        v.put("stage", i.stage == null ? null : i.stage.toString());
        v.put("received_date", i.received.toString());
        v.put("service_area", i.serviceArea);
        v.put("team", i.team);
        v.put("themes", i.themes.isEmpty() ? null : String.join("|", i.themes));
        v.put("complainant_role", i.complainantRole);
        v.put("non_resident_parent", i.isComplaint() ? flag(i.nonResidentParent) : null);
        v.put("advocate", i.advocate);
        boolean compliment = "COMPLIMENT".equals(i.feedbackType);
        LocalDate asOf = lastModified.atZone(ZoneOffset.UTC).toLocalDate();
        if (i.acknowledged != null && !asOf.isBefore(i.acknowledged)) {
            v.put("acknowledged_date", i.acknowledged.toString());
        }
        v.put("not_accepted_reason", i.notAcceptedReason);
        if (responded) {
            v.put("extension_agreed", i.isComplaint() ? flag(i.extensionAgreed) : null);
            v.put("response_date", i.response.toString());
            v.put("outcome", i.outcome);
            v.put("reopened", i.isComplaint() && i.stage == 1 ? flag(i.reopened) : null);
            v.put("remedy_gbp", i.remedyGbp);
            v.put("status", "WITHDRAWN".equals(i.outcome) ? "WITHDRAWN" : "CLOSED");
            if ("LGO_ENQUIRY".equals(i.feedbackType)) {
                v.put("remedy_before_lgo", flag(i.remedyBeforeLgo));
            }
        } else {
            v.put("status", compliment || i.notAcceptedReason != null ? "CLOSED" : "OPEN");
        }
        v.put(
                "reasonable_adjustments",
                i.adjustments.isEmpty() ? null : String.join("|", i.adjustments));
        v.put("last_modified", lastModified.toString());
        v.put("is_deleted", flag(deleted));
        v.put("complainant_name", i.complainantName);
        v.put("complainant_email", i.complainantEmail);
        v.put("child_name", i.childName);
        v.put("summary", i.summary);
        return new Version(
                CmsContract.FEEDBACK_RECORDS,
                i.recordId,
                lastModified,
                row(CmsContract.FEEDBACK_RECORDS, v));
    }

    private void commitments(FeedbackItem c) {
        if (!("UPHELD".equals(c.outcome) || "PARTIALLY_UPHELD".equals(c.outcome))
                || random.nextDouble() >= calibration.commitmentShare()) {
            return;
        }
        int n = 1 + random.nextInt(2);
        for (int k = 1; k <= n; k++) {
            String id = c.recordId.replace("FB", "AC") + "-" + k;
            Map<String, String> v = new LinkedHashMap<>();
            v.put("action_id", id);
            v.put("record_id", c.recordId);
            v.put("kind", ACTION_KINDS[random.nextInt(ACTION_KINDS.length)]);
            v.put(
                    "description",
                    "We will arrange this for "
                            + c.childName
                            + " and write to "
                            + c.complainantName);
            v.put(
                    "owner_team",
                    random.nextDouble() < calibration.chance("commitment_without_owner")
                            ? null
                            : c.team);
            v.put("agreed_date", c.response.toString());
            LocalDate due =
                    random.nextDouble() < calibration.chance("commitment_without_due_date")
                            ? null
                            : c.response.plusDays(20 + random.nextInt(40));
            v.put("due_date", due == null ? null : due.toString());
            v.put("status", "OPEN");
            v.put("is_deleted", "N");
            Instant agreed = at(c.response, 16);
            v.put("last_modified", agreed.toString());
            versions.add(new Version(CmsContract.ACTIONS, id, agreed, row(CmsContract.ACTIONS, v)));
            double fate = random.nextDouble();
            if (fate < calibration.chance("commitment_cancelled")) {
                Instant cancelled = at(c.response.plusDays(10), 12);
                v.put("status", "CANCELLED");
                v.put("last_modified", cancelled.toString());
                versions.add(
                        new Version(
                                CmsContract.ACTIONS, id, cancelled, row(CmsContract.ACTIONS, v)));
            } else if (fate
                    < calibration.chance("commitment_cancelled")
                            + calibration.chance("commitment_done")) {
                LocalDate done = c.response.plusDays(10 + random.nextInt(60));
                Instant completed = at(done, 12);
                v.put("completed_date", done.toString());
                v.put("status", "DONE");
                v.put("last_modified", completed.toString());
                versions.add(
                        new Version(
                                CmsContract.ACTIONS, id, completed, row(CmsContract.ACTIONS, v)));
            }
        }
    }

    private void agreedUpdates(FeedbackItem c) {
        LocalDate until = c.response != null ? c.response : c.received.plusDays(60);
        int k = 1;
        for (LocalDate due = c.received.plusDays(7);
                !due.isAfter(until);
                due = due.plusDays(7), k++) {
            String id = c.recordId.replace("FB", "CT") + "-" + k;
            double fate = random.nextDouble();
            LocalDate sent =
                    fate < calibration.chance("update_sent_on_time")
                            ? due.minusDays(random.nextInt(2))
                            : fate
                                            < calibration.chance("update_sent_on_time")
                                                    + calibration.chance("update_sent_late")
                                    ? due.plusDays(1 + random.nextInt(3))
                                    : null;
            Map<String, String> v = new LinkedHashMap<>();
            v.put("contact_id", id);
            v.put("record_id", c.recordId);
            v.put("due_date", due.toString());
            v.put("sent_date", sent == null ? null : sent.toString());
            v.put("adjustment", c.adjustments.get(0));
            v.put(
                    "adjustment_met",
                    sent == null
                            ? null
                            : flag(random.nextDouble() < calibration.chance("adjustment_met")));
            Instant modified = at(sent == null ? due.plusDays(1) : sent, 13);
            v.put("last_modified", modified.toString());
            v.put("is_deleted", "N");
            versions.add(
                    new Version(CmsContract.CONTACTS, id, modified, row(CmsContract.CONTACTS, v)));
        }
    }

    private Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, random.nextInt(60))).toInstant(ZoneOffset.UTC);
    }

    private static String flag(boolean b) {
        return b ? "Y" : "N";
    }

    static List<String> row(FileContract f, Map<String, String> values) {
        List<String> row = new ArrayList<>(f.columns().size());
        for (String c : f.columnNames()) {
            row.add(values.get(c));
        }
        return row;
    }
}
