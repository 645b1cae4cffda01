package org.ccft.published.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader could work out of the suppressed cells from everything published beside them: the
 * sums are linear equations in the suppressed values (the known figures moved to the right), solved
 * two ways. Elimination finds a value the equations fix whatever the others are; bounds, with every
 * count at least zero, find a value squeezed to one number (two suppressed cells adding up to zero).
 * A suppressed cell is safe when neither finds its value.
 */
public final class Attack {

    private static final double EPS = 1e-9;

    private Attack() {
    }

    /** The suppressed cells whose exact value can be derived, with that value. */
    public static Map<String, Long> derivable(CountTable table, Set<String> suppressed) {
        List<String> unknowns = new ArrayList<>(suppressed);
        Map<String, Integer> index = new LinkedHashMap<>();
        unknowns.forEach(u -> index.put(u, index.size()));
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (CountTable.Sum sum : table.sums()) {
            double[] row = new double[unknowns.size()];
            double right = 0;
            for (String part : sum.parts()) {
                if (index.containsKey(part)) {
                    row[index.get(part)] += 1;
                } else {
                    right -= table.get(part).value();
                }
            }
            if (index.containsKey(sum.whole())) {
                row[index.get(sum.whole())] -= 1;
            } else {
                right += table.get(sum.whole()).value();
            }
            if (Arrays.stream(row).anyMatch(v -> Math.abs(v) > EPS)) {
                rows.add(row);
                rhs.add(right);
            }
        }
        Map<String, Long> found = new LinkedHashMap<>();
        byElimination(rows, rhs, unknowns, found);
        byBounds(rows, rhs, unknowns, found);
        return found;
    }

    /** Reduced row echelon form: a pivot whose row has no other unknown left fixes that unknown. */
    private static void byElimination(List<double[]> rows0, List<Double> rhs0, List<String> unknowns,
                                      Map<String, Long> found) {
        int n = unknowns.size();
        double[][] a = new double[rows0.size()][];
        double[] b = new double[rows0.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rows0.get(i).clone();
            b[i] = rhs0.get(i);
        }
        int rank = 0;
        for (int col = 0; col < n && rank < a.length; col++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (Math.abs(a[r][col]) > EPS && (pivot < 0 || Math.abs(a[r][col]) > Math.abs(a[pivot][col]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] t = a[pivot]; a[pivot] = a[rank]; a[rank] = t;
            double tb = b[pivot]; b[pivot] = b[rank]; b[rank] = tb;
            double p = a[rank][col];
            for (int c = 0; c < n; c++) {
                a[rank][c] /= p;
            }
            b[rank] /= p;
            for (int r = 0; r < a.length; r++) {
                if (r != rank && Math.abs(a[r][col]) > EPS) {
                    double f = a[r][col];
                    for (int c = 0; c < n; c++) {
                        a[r][c] -= f * a[rank][c];
                    }
                    b[r] -= f * b[rank];
                }
            }
            rank++;
        }
        for (int r = 0; r < rank; r++) {
            int only = -1;
            int nonzero = 0;
            for (int c = 0; c < n; c++) {
                if (Math.abs(a[r][c]) > EPS) {
                    nonzero++;
                    only = c;
                }
            }
            if (nonzero == 1) {
                found.putIfAbsent(unknowns.get(only), Math.round(b[r] / a[r][only]));
            }
        }
    }

    /** Interval propagation with every count at least zero, until nothing narrows. */
    private static void byBounds(List<double[]> rows, List<Double> rhs, List<String> unknowns,
                                 Map<String, Long> found) {
        int n = unknowns.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        boolean narrowed = true;
        for (int round = 0; narrowed && round < 100; round++) {
            narrowed = false;
            for (int r = 0; r < rows.size(); r++) {
                double[] row = rows.get(r);
                for (int k = 0; k < n; k++) {
                    if (Math.abs(row[k]) < EPS) {
                        continue;
                    }
                    // row[k] * x_k = rhs - sum_{j != k} row[j] * x_j
                    double min = rhs.get(r);
                    double max = rhs.get(r);
                    for (int j = 0; j < n; j++) {
                        if (j == k || Math.abs(row[j]) < EPS) {
                            continue;
                        }
                        min -= row[j] > 0 ? row[j] * hi[j] : row[j] * lo[j];
                        max -= row[j] > 0 ? row[j] * lo[j] : row[j] * hi[j];
                    }
                    double newLo = row[k] > 0 ? min / row[k] : max / row[k];
                    double newHi = row[k] > 0 ? max / row[k] : min / row[k];
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
