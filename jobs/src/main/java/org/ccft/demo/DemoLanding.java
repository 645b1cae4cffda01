package org.ccft.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ccft.reference.calendar.FinancialYear;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * Writes the demo's landing area: a FULL export a year before the end of the last financial year,
 * then weekly INCREMENTAL exports up to a few days after it, each with feedback records, actions
 * and contacts; a few bad rows; the SAT's monthly EHCP file; and DfE's SEN2 statistics as
 * published. Two drops are held back for a second night: one late (its export_id sorts before drops
 * already loaded) and one sent twice.
 */
public final class DemoLanding {

    static final DateTimeFormatter EXPORT_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What was written. */
    public record Summary(
            int drops,
            int heldBack,
            Map<String, Long> rows,
            int satMonths,
            String firstExport,
            String lastExport) {}

    private final Path landing;
    private final DemoCalibration calibration;
    private final double scale;
    private final long seed;
    private final List<Drop> heldBack = new ArrayList<>();

    private record Drop(
            String exportId,
            String type,
            Instant extractedAt,
            Map<FileContract, List<List<String>>> rows) {}

    public DemoLanding(Path landing, double scale, long seed) {
        this.landing = landing;
        this.calibration = DemoCalibration.load();
        this.scale = scale;
        this.seed = seed;
    }

    public DemoCalibration calibration() {
        return calibration;
    }

    /** Writes every drop but the held-back ones, and the SAT file. */
    public Summary write() throws IOException {
        List<CmsHistory.Version> history = new CmsHistory(calibration, scale, seed).generate();
        List<String> years = calibration.financialYears();
        LocalDate lastYearEnd = FinancialYear.start(years.get(years.size() - 1)).plusYears(1);
        Instant full = lastYearEnd.minusYears(2).atTime(2, 0).toInstant(ZoneOffset.UTC);
        List<Instant> schedule = new ArrayList<>();
        schedule.add(full);
        // Weekly until the first export taken a week or more after the year ends: it carries the
        // last days.
        Instant until = lastYearEnd.plusDays(7).atTime(2, 0).toInstant(ZoneOffset.UTC);
        for (Instant t = full.plusSeconds(7 * 86400L);
                !t.isAfter(until);
                t = t.plusSeconds(7 * 86400L)) {
            schedule.add(t);
        }
        List<Drop> drops = drops(history, schedule);
        addBadRows(drops);
        Random random = new Random(seed);
        Drop late = drops.get(drops.size() - 4);
        Drop resent = drops.get(drops.size() - 3);
        heldBack.add(late);
        heldBack.add(
                new Drop(
                        EXPORT_ID.format(resent.extractedAt().plusSeconds(7200)),
                        resent.type(),
                        resent.extractedAt().plusSeconds(7200),
                        resent.rows()));
        Map<String, Long> rows = new TreeMap<>();
        int written = 0;
        for (Drop d : drops) {
            d.rows().forEach((f, r) -> rows.merge(f.table(), (long) r.size(), Long::sum));
            if (d != late) {
                writeDrop(d);
                written++;
            }
        }
        YearMonth lastMonth = YearMonth.from(lastYearEnd.minusDays(1));
        List<SatMonthlyFigures.Month> months =
                SatMonthlyFigures.between(
                        YearMonth.of(2019, 1),
                        lastMonth,
                        calibration.councilLaCode(),
                        scale,
                        random);
        writeSat(months);
        writeDfeStatistics();
        return new Summary(
                written,
                heldBack.size(),
                rows,
                months.size(),
                drops.get(0).exportId(),
                drops.get(drops.size() - 1).exportId());
    }

    /** Lands the held-back drops: the late one, and the re-sent one. */
    public List<String> writeHeldBack() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Drop d : heldBack) {
            writeDrop(d);
            ids.add(d.exportId());
        }
        return ids;
    }

    /**
     * The FULL export holds each record's latest version at its extracted_at (deleted records left
     * out); each incremental, the latest version of every record changed since the export before
     * it.
     */
    private List<Drop> drops(List<CmsHistory.Version> history, List<Instant> schedule) {
        List<Map<String, CmsHistory.Version>> latest = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            latest.add(new LinkedHashMap<>());
        }
        for (CmsHistory.Version v : history) {
            int i = Collections.binarySearch(schedule, v.lastModified());
            int drop = i >= 0 ? i : -i - 1; // the first export taken at or after the change
            if (drop < schedule.size()) {
                latest.get(drop).put(v.file().table() + "/" + v.key(), v);
            }
        }
        List<Drop> drops = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            Map<FileContract, List<List<String>>> rows = new LinkedHashMap<>();
            CmsContract.CMS_FILES.forEach(f -> rows.put(f, new ArrayList<>()));
            boolean isFull = i == 0;
            for (CmsHistory.Version v : latest.get(i).values()) {
                boolean deleted =
                        "Y".equals(v.values().get(v.file().columnNames().indexOf("is_deleted")));
                if (!(isFull && deleted)) {
                    rows.get(v.file()).add(v.values());
                }
            }
            drops.add(
                    new Drop(
                            EXPORT_ID.format(schedule.get(i)),
                            isFull ? "FULL" : "INCREMENTAL",
                            schedule.get(i),
                            rows));
        }
        return drops;
    }

    /**
     * A handful of rows that break the contract, spread over the incrementals: quarantined, counted
     * nowhere.
     */
    private void addBadRows(List<Drop> drops) {
        String[][] faults = {
            {"service_area", "SEND"}, // a code not on the list
            {"received_date", "13/02/2023"}, // dd/mm/yyyy
            {"response_date", "2020-01-01"}, // a response before receipt
            {"procedure", null}, // a complaint with no procedure
            {"stage", "4"}, // no such stage
            {"non_resident_parent", "Yes"}, // not a flag
        };
        FileContract f = CmsContract.FEEDBACK_RECORDS;
        for (int k = 0; k < faults.length; k++) {
            Drop d = drops.get(1 + (k + 1) * (drops.size() - 2) / (faults.length + 1));
            LocalDate day = LocalDate.ofInstant(d.extractedAt(), ZoneOffset.UTC).minusDays(2);
            Map<String, String> v = new LinkedHashMap<>();
            v.put("record_id", "BAD" + (k + 1));
            v.put("case_ref", "CASE-BAD" + (k + 1));
            v.put("feedback_type", "COMPLAINT");
            v.put("procedure", "CORPORATE");
            v.put("stage", "1");
            v.put("received_date", day.toString());
            v.put("service_area", "SAT");
            v.put("themes", "PLANS");
            v.put("complainant_role", "PARENT");
            v.put("status", "OPEN");
            v.put("last_modified", day.atTime(9, 0).toInstant(ZoneOffset.UTC).toString());
            v.put("is_deleted", "N");
            v.put("summary", "A row the CMS got wrong");
            v.put(faults[k][0], faults[k][1]);
            d.rows().get(f).add(CmsHistory.row(f, v));
        }
    }

    private void writeDrop(Drop d) throws IOException {
        DropWriter w = new DropWriter(landing, d.exportId(), d.type(), d.extractedAt());
        d.rows().forEach((f, rows) -> w.file(f.file(), f.columnNames(), rows));
        w.write();
    }

    /** DfE's SEN2 statistics as published (the "All" rows, see demo/dfe-sen2/SOURCE.md). */
    private void writeDfeStatistics() throws IOException {
        Path folder = landing.resolve("dfe/sen2");
        Files.createDirectories(folder);
        for (String file : List.of("timeliness_20_week.csv", "requests.csv", "caseload.csv")) {
            try (var in =
                    DemoLanding.class
                            .getClassLoader()
                            .getResourceAsStream("demo/dfe-sen2/" + file)) {
                Files.write(folder.resolve(file), in.readAllBytes());
            }
        }
    }

    private void writeSat(List<SatMonthlyFigures.Month> months) throws IOException {
        StringBuilder csv =
                new StringBuilder(
                        "month,requests_received,assessments_agreed,plans_issued,"
                                + "plans_issued_within_20_weeks,plans_maintained\n");
        for (SatMonthlyFigures.Month m : months) {
            csv.append(m.month())
                    .append(',')
                    .append(m.requests())
                    .append(',')
                    .append(m.assessmentsAgreed())
                    .append(',')
                    .append(m.plansIssued())
                    .append(',')
                    .append(m.within20Weeks())
                    .append(',')
                    .append(m.plansMaintained())
                    .append('\n');
        }
        Path sat = landing.resolve("sat");
        Files.createDirectories(sat);
        Files.writeString(sat.resolve("ehcp_monthly.csv"), csv, StandardCharsets.UTF_8);
    }
}
