package org.ccft.published.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader could work out of the suppressed cells from everything published beside them: the
 * sums are linear equations in the values a reader does not see (suppressed cells and hidden
 * totals; the known figures moved to the right), solved two ways. Elimination finds a value the
 * equations fix whatever the others are; bounds, with every count at least zero, find a value
 * squeezed to one number (two suppressed cells adding up to zero). A suppressed cell is safe when
 * neither finds its value. The equations are sparse (a sum names a handful of cells), and are kept
 * so.
 */
public final class Attack {

    private static final double EPS = 1e-9;

    private Attack() {}

    /** One equation: coefficients by unknown, and the right-hand side. */
    private static final class Row {
        final Map<Integer, Double> terms;
        double rhs;

        Row(Map<Integer, Double> terms, double rhs) {
            this.terms = terms;
            this.rhs = rhs;
        }
    }

    /** The suppressed cells whose exact value can be derived, with that value. */
    public static Map<String, Long> derivable(CountTable table, Set<String> suppressed) {
        List<String> unknowns = new ArrayList<>(suppressed);
        table.cells().values().stream()
                .filter(CountTable.Cell::hidden)
                .map(CountTable.Cell::id)
                .filter(id -> !suppressed.contains(id))
                .forEach(unknowns::add);
        Map<String, Integer> index = new HashMap<>();
        unknowns.forEach(u -> index.put(u, index.size()));
        List<Row> rows = new ArrayList<>();
        for (CountTable.Identity identity : table.identities()) {
            Map<Integer, Double> terms = new LinkedHashMap<>();
            double right = 0;
            for (Map.Entry<String, Integer> t : identity.terms().entrySet()) {
                Integer i = index.get(t.getKey());
                if (i != null) {
                    terms.merge(i, (double) t.getValue(), Double::sum);
                } else {
                    right -= t.getValue() * (double) table.get(t.getKey()).value();
                }
            }
            terms.values().removeIf(v -> Math.abs(v) < EPS);
            if (!terms.isEmpty()) {
                rows.add(new Row(terms, right));
            }
        }
        Map<String, Long> found = new LinkedHashMap<>();
        byElimination(rows, unknowns, found);
        byBounds(rows, unknowns, found);
        found.keySet().retainAll(suppressed);
        return found;
    }

    /** Gauss-Jordan on sparse rows: a reduced row with one unknown left fixes that unknown. */
    private static void byElimination(
            List<Row> equations, List<String> unknowns, Map<String, Long> found) {
        List<Row> pivots = new ArrayList<>();
        Map<Integer, Row> pivotOf = new HashMap<>();
        for (Row eq : equations) {
            Row r = new Row(new LinkedHashMap<>(eq.terms), eq.rhs);
            for (Integer col : new ArrayList<>(r.terms.keySet())) {
                Row p = pivotOf.get(col);
                Double f = r.terms.get(col);
                if (p != null && f != null) {
                    subtract(r, p, f);
                }
            }
            if (r.terms.isEmpty()) {
                continue;
            }
            int col =
                    r.terms.entrySet().stream()
                            .max(
                                    (a, b) ->
                                            Double.compare(
                                                    Math.abs(a.getValue()), Math.abs(b.getValue())))
                            .orElseThrow()
                            .getKey();
            double scale = r.terms.get(col);
            r.terms.replaceAll((k, v) -> v / scale);
            r.rhs /= scale;
            for (Row other : pivots) {
                Double f = other.terms.get(col);
                if (f != null) {
                    subtract(other, r, f);
                }
            }
            pivots.add(r);
            pivotOf.put(col, r);
        }
        for (Row r : pivots) {
            if (r.terms.size() == 1) {
                Map.Entry<Integer, Double> only = r.terms.entrySet().iterator().next();
                found.putIfAbsent(unknowns.get(only.getKey()), Math.round(r.rhs / only.getValue()));
            }
        }
    }

    /** {@code r -= f * p}, dropping what cancels. */
    private static void subtract(Row r, Row p, double f) {
        for (Map.Entry<Integer, Double> t : p.terms.entrySet()) {
            double v = r.terms.getOrDefault(t.getKey(), 0.0) - f * t.getValue();
            if (Math.abs(v) < EPS) {
                r.terms.remove(t.getKey());
            } else {
                r.terms.put(t.getKey(), v);
            }
        }
        r.rhs -= f * p.rhs;
    }

    /** Interval propagation with every count at least zero, until nothing narrows. */
    private static void byBounds(List<Row> rows, List<String> unknowns, Map<String, Long> found) {
        int n = unknowns.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        boolean narrowed = true;
        for (int round = 0; narrowed && round < 100; round++) {
            narrowed = false;
            for (Row row : rows) {
                // sum_j a_j x_j = rhs: each x_k lies within (rhs - the others' range) / a_k.
                double minOthers = 0;
                double maxOthers = 0;
                int minInf = 0;
                int maxInf = 0;
                for (Map.Entry<Integer, Double> t : row.terms.entrySet()) {
                    int j = t.getKey();
                    double a = t.getValue();
                    double low = a > 0 ? a * lo[j] : a * hi[j];
                    double high = a > 0 ? a * hi[j] : a * lo[j];
                    if (Double.isInfinite(low)) {
                        minInf++;
                    } else {
                        minOthers += low;
                    }
                    if (Double.isInfinite(high)) {
                        maxInf++;
                    } else {
                        maxOthers += high;
                    }
                }
                for (Map.Entry<Integer, Double> t : row.terms.entrySet()) {
                    int k = t.getKey();
                    double a = t.getValue();
                    double ownLow = a > 0 ? a * lo[k] : a * hi[k];
                    double ownHigh = a > 0 ? a * hi[k] : a * lo[k];
                    boolean othersLowFinite = minInf - (Double.isInfinite(ownLow) ? 1 : 0) == 0;
                    boolean othersHighFinite = maxInf - (Double.isInfinite(ownHigh) ? 1 : 0) == 0;
                    double othersLow = minOthers - (Double.isInfinite(ownLow) ? 0 : ownLow);
                    double othersHigh = maxOthers - (Double.isInfinite(ownHigh) ? 0 : ownHigh);
                    // a * x_k = rhs - others, others within [othersLow, othersHigh]
                    double axMax = othersLowFinite ? row.rhs - othersLow : Double.POSITIVE_INFINITY;
                    double axMin =
                            othersHighFinite ? row.rhs - othersHigh : Double.NEGATIVE_INFINITY;
                    double newLo = a > 0 ? axMin / a : axMax / a;
                    double newHi = a > 0 ? axMax / a : axMin / a;
                    if (!Double.isNaN(newLo) && newLo > lo[k] + EPS) {
                        lo[k] = newLo;
                        narrowed = true;
                    }
                    if (!Double.isNaN(newHi) && newHi < hi[k] - EPS) {
                        hi[k] = newHi;
                        narrowed = true;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (Double.isFinite(hi[k]) && hi[k] - lo[k] < 0.5) {
                found.putIfAbsent(unknowns.get(k), Math.round(lo[k]));
            }
        }
    }
}
