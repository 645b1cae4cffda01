package org.ccft.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Statutory Assessment Team's monthly EHCP figures for the demo, spread from DfE's published
 * SEN2 figures for Cambridgeshire (per calendar year) so that each calendar year's months add up to
 * them.
 */
final class SatMonthlyFigures {

    /** One month's figures, as the SAT's file states them. */
    record Month(
            YearMonth month,
            long requests,
            long assessmentsAgreed,
            long plansIssued,
            long within20Weeks,
            long plansMaintained) {}

    /** Seasonal shape of a year (more plans before the summer and in the autumn term). */
    private static final int[] SEASON = {7, 8, 9, 8, 8, 9, 10, 6, 8, 9, 9, 9};

    private SatMonthlyFigures() {}

    static List<Month> between(
            YearMonth first, YearMonth last, String laCode, double scale, Random random) {
        Map<Integer, Map<String, String>> plans = byYear("timeliness_20_week.csv", laCode);
        Map<Integer, Map<String, String>> requests = byYear("requests.csv", laCode);
        Map<Integer, Map<String, String>> caseload = byYear("caseload.csv", laCode);
        List<Month> out = new ArrayList<>();
        Map<Integer, long[][]> spreadByYear = new HashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            int y = m.getYear();
            if (!plans.containsKey(y)) {
                throw new IllegalArgumentException(
                        "DfE SEN2 has no figures of " + laCode + " for " + y);
            }
            long[][] months =
                    spreadByYear.computeIfAbsent(
                            y,
                            year -> {
                                Map<String, String> p = plans.get(year);
                                Map<String, String> r = requests.get(year);
                                long issued = Math.round(number(p.get("plans_issued_den")) * scale);
                                long within =
                                        Math.round(
                                                number(p.get("plans_issued_within_20_weeks"))
                                                        * scale);
                                long requested =
                                        Math.round(
                                                number(r.get("requests_received_in_year")) * scale);
                                // decided_to_assess is `x` (not available) before 2023: requests
                                // less those refused.
                                long agreed =
                                        Math.round(
                                                (isNumber(r.get("requests_decided_to_assess"))
                                                                ? number(
                                                                        r.get(
                                                                                "requests_decided_to_assess"))
                                                                : number(
                                                                                r.get(
                                                                                        "requests_received_in_year"))
                                                                        - number(
                                                                                r.get(
                                                                                        "requests_decided_not_to_assess")))
                                                        * scale);
                                long[] issuedByMonth = spread(issued, random);
                                return new long[][] {
                                    issuedByMonth,
                                    spreadOver(within, issuedByMonth, random),
                                    spread(requested, random),
                                    spread(agreed, random)
                                };
                            });
            int i = m.getMonthValue() - 1;
            long issued = months[0][i];
            long within = Math.min(months[1][i], issued);
            out.add(
                    new Month(
                            m,
                            months[2][i],
                            months[3][i],
                            issued,
                            within,
                            Math.round(maintained(caseload, m) * scale)));
        }
        return out;
    }

    /** Plans in force: January census figures, straight-line between censuses. */
    private static double maintained(Map<Integer, Map<String, String>> caseload, YearMonth m) {
        // time_period 201819 is the January 2019 census.
        int year = m.getYear();
        double from = number(caseload.get(year).get("ehcplans"));
        Map<String, String> next = caseload.get(year + 1);
        double to = next == null ? from : number(next.get("ehcplans"));
        return from + (to - from) * (m.getMonthValue() - 1) / 12.0;
    }

    /**
     * Plans issued within 20 weeks: shared over the months in proportion to the plans each issued,
     * each month's share jittered (±30%) so that timeliness moves from month to month as it does in
     * life.
     */
    private static long[] spreadOver(long total, long[] issuedByMonth, Random random) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            weights.put(
                    String.valueOf(i),
                    (int) Math.round(issuedByMonth[i] * (70 + 60 * random.nextDouble())));
        }
        long[] out = new long[12];
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            return out;
        }
        Allocation.of(weights, (int) total, random)
                .forEach(month -> out[Integer.parseInt(month)]++);
        return out;
    }

    private static long[] spread(long total, Random random) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            weights.put(String.valueOf(i), SEASON[i]);
        }
        long[] out = new long[12];
        Allocation.of(weights, (int) total, random)
                .forEach(month -> out[Integer.parseInt(month)]++);
        return out;
    }

    private static boolean isNumber(String v) {
        return v != null && v.matches("[0-9.]+");
    }

    private static double number(String v) {
        if (!isNumber(v)) {
            throw new IllegalArgumentException("not a published figure: " + v);
        }
        return Double.parseDouble(v);
    }

    /**
     * The council's rows of a DfE file, by calendar year (academic 201819 counts as January 2019).
     */
    private static Map<Integer, Map<String, String>> byYear(String file, String laCode) {
        Map<Integer, Map<String, String>> out = new HashMap<>();
        try (InputStream in =
                        SatMonthlyFigures.class
                                .getClassLoader()
                                .getResourceAsStream("demo/dfe-sen2/" + file);
                CSVParser csv =
                        CSVParser.parse(
                                new InputStreamReader(in, StandardCharsets.UTF_8),
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader()
                                        .setSkipHeaderRecord(true)
                                        .build())) {
            for (CSVRecord r : csv) {
                Map<String, String> row = new HashMap<>();
                csv.getHeaderNames().forEach(h -> row.put(h.replace("\uFEFF", ""), r.get(h)));
                if (!laCode.equals(row.get("new_la_code"))) {
                    continue;
                }
                String period = row.get("time_period");
                int year =
                        Integer.parseInt(
                                period.length() == 6 ? "20" + period.substring(4) : period);
                out.put(year, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/dfe-sen2/" + file, e);
        }
        return out;
    }
}
