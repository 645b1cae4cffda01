package org.ccft.published.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ccft.reference.calendar.FinancialYear;

/**
 * The identities the figures obey that nobody declared, found from the exact data as an outsider
 * who knows the service would know them: worked with = decided + still open at the year's end; a
 * year's open enquiries are the next year's carried in; a stage's carried-in count is last year's
 * worked on less concluded. Each is tried on every table of figures that share a grain (the same
 * period and place coordinates: financial year, month, service area), within a period and between
 * consecutive periods, across marts alike (a cell is one figure wherever it is shown).
 *
 * <p>What is looked for: one figure, or two added up, equal to one or two others, in every row of
 * every grain that holds them all (an absent figure counts 0), and not trivially so: in at least
 * {@link #MIN_SUPPORT} rows every figure of it is above zero. Longer sums are the breakdowns'
 * totals, which the marts declare. One that the identities kept before already imply is not kept
 * again.
 */
public final class IdentityMiner {

    /**
     * Rows in which an identity of two or three figures must hold with every figure in it above
     * zero, over the grains where it can be tried. Among a few hundred small counts over six years
     * of totals, coincidences are many (a theme's decisions equal to a quarter's enquiries): an
     * identity seen only in the year totals is taken for one; a service area's years give it rows
     * enough.
     */
    static final int MIN_SUPPORT = 8;

    /** Likewise for two figures equal to two others, whose coincidences are more common still. */
    static final int MIN_SUPPORT_LONG = 12;

    /** Rows of one grain with something in them, for a sum to be a candidate at all. */
    private static final int CANDIDATE = 3;

    /**
     * A bucket of equal sums larger than this is a run of look-alike small vectors: passed over.
     */
    private static final int MAX_BUCKET = 40;

    private static final List<String> PERIODS = List.of("month", "financial_year");
    private static final Set<String> ROW_DIMENSIONS =
            Set.of("month", "financial_year", "service_area", "send_service");
    private static final String PREVIOUS = "previous period: ";

    /** What was found: identities by how they were found. */
    public record Found(int withinPeriod, int betweenPeriods, int equations) {}

    private IdentityMiner() {}

    /** Adds to the table every identity found in its figures. */
    public static Found mine(CountTable table) {
        Map<Set<String>, Map<Map<String, String>, Map<String, String>>> grains =
                new LinkedHashMap<>();
        for (String id : table.cells().keySet()) {
            Map<String, String> at = table.coordinates(id);
            if (at.isEmpty()) {
                continue;
            }
            Map<String, String> row = new TreeMap<>();
            Map<String, String> column = new TreeMap<>();
            at.forEach((k, v) -> (ROW_DIMENSIONS.contains(k) ? row : column).put(k, v));
            grains.computeIfAbsent(new TreeSet<>(row.keySet()), g -> new LinkedHashMap<>())
                    .computeIfAbsent(row, r -> new TreeMap<>())
                    .put(column.toString(), id);
        }
        // Each grain's rows: as they are, and beside the same place's row of the period before.
        List<List<Map<String, String>>> within = new ArrayList<>();
        List<List<Map<String, String>>> between = new ArrayList<>();
        for (Map.Entry<Set<String>, Map<Map<String, String>, Map<String, String>>> g :
                grains.entrySet()) {
            within.add(List.copyOf(g.getValue().values()));
            String period = PERIODS.stream().filter(g.getKey()::contains).findFirst().orElse(null);
            if (period != null) {
                between.add(paired(g.getValue(), period));
            }
        }
        int[] equations = {0};
        int w = keep(table, within, false, "mined within a period", equations);
        int b = keep(table, between, true, "mined between periods", equations);
        return new Found(w, b, equations[0]);
    }

    /** A grain's rows, each with the same place's row of the period before (if held) beside it. */
    private static List<Map<String, String>> paired(
            Map<Map<String, String>, Map<String, String>> rows, String period) {
        Set<String> periods = new TreeSet<>();
        rows.keySet().forEach(k -> periods.add(k.get(period)));
        List<Map<String, String>> paired = new ArrayList<>();
        for (Map.Entry<Map<String, String>, Map<String, String>> r : rows.entrySet()) {
            String before = previous(period, r.getKey().get(period));
            if (!periods.contains(before)) {
                continue; // the first period held: nothing before it to compare with
            }
            Map<String, String> earlier = new TreeMap<>(r.getKey());
            earlier.put(period, before);
            if (period.equals("month")) {
                earlier.put("financial_year", FinancialYear.of(YearMonth.parse(before).atDay(1)));
            }
            Map<String, String> both = new TreeMap<>(r.getValue());
            rows.getOrDefault(earlier, Map.of()).forEach((c, id) -> both.put(PREVIOUS + c, id));
            paired.add(both);
        }
        return paired;
    }

    /**
     * The candidates of every grain, each checked on every grain that holds all its figures (it
     * must hold on each row there, and have enough support), the smallest first, and kept only when
     * the identities kept before do not already imply it; each kept one is added on every row it
     * names.
     */
    private static int keep(
            CountTable table,
            List<List<Map<String, String>>> grains,
            boolean betweenPeriods,
            String source,
            int[] equations) {
        Set<Map<String, Integer>> candidates = new java.util.LinkedHashSet<>();
        grains.forEach(rows -> candidates.addAll(search(table, rows, betweenPeriods)));
        List<Map<String, Integer>> ordered = new ArrayList<>(candidates);
        ordered.sort(
                java.util.Comparator.comparingInt((Map<String, Integer> c) -> c.size())
                        .thenComparing(Object::toString));
        List<Set<String>> labels = new ArrayList<>();
        for (List<Map<String, String>> rows : grains) {
            Set<String> seen = new java.util.HashSet<>();
            rows.forEach(r -> seen.addAll(r.keySet()));
            labels.add(seen);
        }
        Span kept = new Span();
        int count = 0;
        for (Map<String, Integer> identity : ordered) {
            int support = support(table, identity, grains, labels);
            if (support < (identity.size() > 3 ? MIN_SUPPORT_LONG : MIN_SUPPORT)
                    || !kept.addIfIndependent(identity)) {
                continue;
            }
            count++;
            for (int g = 0; g < grains.size(); g++) {
                if (labels.get(g).containsAll(identity.keySet())) {
                    equations[0] += instantiate(table, identity, grains.get(g), source);
                }
            }
        }
        return count;
    }

    /**
     * The rows, over every grain holding all the identity's figures, where it holds with something
     * on each side; -1 if it fails on any row of them (a coincidence of one grain).
     */
    private static int support(
            CountTable table,
            Map<String, Integer> identity,
            List<List<Map<String, String>>> grains,
            List<Set<String>> labels) {
        int support = 0;
        for (int g = 0; g < grains.size(); g++) {
            if (!labels.get(g).containsAll(identity.keySet())) {
                continue;
            }
            for (Map<String, String> row : grains.get(g)) {
                long total = 0;
                boolean all = true;
                for (Map.Entry<String, Integer> t : identity.entrySet()) {
                    String id = row.get(t.getKey());
                    long v = id == null ? 0 : table.get(id).value();
                    total += t.getValue() * v;
                    all &= v != 0;
                }
                if (total != 0) {
                    return -1;
                }
                support += all ? 1 : 0;
            }
        }
        return support;
    }

    /**
     * Identities over figure labels kept so far, reduced (Gaussian elimination): a new one in their
     * span says nothing new (two equalities added up).
     */
    private static final class Span {
        private final Map<String, Map<String, Double>> pivots = new LinkedHashMap<>();

        boolean addIfIndependent(Map<String, Integer> identity) {
            Map<String, Double> r = new TreeMap<>();
            identity.forEach((k, v) -> r.put(k, (double) v));
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String k : new ArrayList<>(r.keySet())) {
                    Map<String, Double> p = pivots.get(k);
                    Double f = r.get(k);
                    if (p != null && f != null) {
                        p.forEach(
                                (pk, pv) -> {
                                    double v = r.getOrDefault(pk, 0.0) - f * pv;
                                    if (Math.abs(v) < 1e-9) {
                                        r.remove(pk);
                                    } else {
                                        r.put(pk, v);
                                    }
                                });
                        changed = true;
                        break;
                    }
                }
            }
            if (r.isEmpty()) {
                return false;
            }
            String pivot = r.keySet().iterator().next();
            double scale = r.get(pivot);
            r.replaceAll((k, v) -> v / scale);
            for (Map<String, Double> other : pivots.values()) {
                Double f = other.get(pivot);
                if (f != null) {
                    r.forEach(
                            (k, v) -> {
                                double nv = other.getOrDefault(k, 0.0) - f * v;
                                if (Math.abs(nv) < 1e-9) {
                                    other.remove(k);
                                } else {
                                    other.put(k, nv);
                                }
                            });
                }
            }
            pivots.put(pivot, r);
            return true;
        }
    }

    private static String previous(String period, String value) {
        return period.equals("month")
                ? YearMonth.parse(value).minusMonths(1).toString()
                : FinancialYear.of(FinancialYear.start(value).minusYears(1));
    }

    /** A vector of a column's values over the rows, compared by value. */
    private record Vector(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Vector v && Arrays.equals(values, v.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        int nonZero() {
            int n = 0;
            for (long v : values) {
                n += v != 0 ? 1 : 0;
            }
            return n;
        }

        Vector plus(Vector o) {
            long[] s = values.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] += o.values[i];
            }
            return new Vector(s);
        }
    }

    /**
     * The identities (column labels with coefficients) that hold on every row: one or two columns
     * equal to one or two others. Between periods, each must name both periods.
     */
    private static List<Map<String, Integer>> search(
            CountTable table, List<Map<String, String>> rows, boolean betweenPeriods) {
        if (rows.size() < CANDIDATE) {
            return List.of();
        }
        Set<String> labels = new TreeSet<>();
        rows.forEach(r -> labels.addAll(r.keySet()));
        List<String> columns = new ArrayList<>();
        List<Vector> vectors = new ArrayList<>();
        for (String label : labels) {
            long[] v = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String id = rows.get(i).get(label);
                v[i] = id == null ? 0 : table.get(id).value();
            }
            Vector vector = new Vector(v);
            if (vector.nonZero() > 0) {
                columns.add(label);
                vectors.add(vector);
            }
        }
        Map<Vector, List<int[]>> sums = new HashMap<>();
        for (int a = 0; a < columns.size(); a++) {
            if (vectors.get(a).nonZero() >= CANDIDATE) {
                sums.computeIfAbsent(vectors.get(a), k -> new ArrayList<>()).add(new int[] {a});
            }
            for (int b = a + 1; b < columns.size(); b++) {
                Vector s = vectors.get(a).plus(vectors.get(b));
                if (s.nonZero() >= CANDIDATE) {
                    sums.computeIfAbsent(s, k -> new ArrayList<>()).add(new int[] {a, b});
                }
            }
        }
        List<Map<String, Integer>> found = new ArrayList<>();
        for (List<int[]> bucket : sums.values()) {
            if (bucket.size() < 2 || bucket.size() > MAX_BUCKET) {
                continue;
            }
            for (int i = 0; i < bucket.size(); i++) {
                for (int j = i + 1; j < bucket.size(); j++) {
                    Map<String, Integer> terms = new TreeMap<>();
                    for (int c : bucket.get(i)) {
                        terms.merge(columns.get(c), 1, Integer::sum);
                    }
                    for (int c : bucket.get(j)) {
                        terms.merge(columns.get(c), -1, Integer::sum);
                    }
                    if (terms.size() != bucket.get(i).length + bucket.get(j).length) {
                        continue; // a column on both sides: a smaller identity says it
                    }
                    boolean before = terms.keySet().stream().anyMatch(l -> l.startsWith(PREVIOUS));
                    boolean now = terms.keySet().stream().anyMatch(l -> !l.startsWith(PREVIOUS));
                    if (!betweenPeriods || (before && now)) {
                        found.add(terms);
                    }
                }
            }
        }
        return found;
    }

    /** The identity on each row whose cells it names: an absent cell is a zero. */
    private static int instantiate(
            CountTable table,
            Map<String, Integer> identity,
            List<Map<String, String>> rows,
            String source) {
        int added = 0;
        String how = source + ": " + identity;
        for (Map<String, String> row : rows) {
            Map<String, Integer> terms = new TreeMap<>();
            identity.forEach(
                    (label, coefficient) -> {
                        String id = row.get(label);
                        if (id != null) {
                            terms.put(id, coefficient);
                        }
                    });
            if (terms.size() >= 2) {
                table.identity(new CountTable.Identity(terms, how));
                added++;
            }
        }
        return added;
    }
}
