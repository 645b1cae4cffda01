package org.ccft.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits a whole number by weights (largest remainder: exact totals, fair rounding), in shuffled
 * order.
 */
final class Allocation {

    private Allocation() {}

    static List<String> of(Map<String, Integer> weights, int n, Random random) {
        double total = weights.values().stream().mapToInt(Integer::intValue).sum();
        List<String> labels = new ArrayList<>(weights.keySet());
        int[] counts = new int[labels.size()];
        double[] remainders = new double[labels.size()];
        int given = 0;
        for (int i = 0; i < labels.size(); i++) {
            double exact = n * weights.get(labels.get(i)) / total;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparing(i -> i));
        for (int k = 0; given < n; k++, given++) {
            counts[order.get(k % order.size())]++;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < labels.size(); i++) {
            out.addAll(Collections.nCopies(counts[i], labels.get(i)));
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** {@code share} of n, rounded half up, as a shuffled list of booleans. */
    static List<Boolean> share(double share, int n, Random random) {
        int yes = (int) Math.round(share * n);
        List<Boolean> out = new ArrayList<>(n);
        out.addAll(Collections.nCopies(yes, true));
        out.addAll(Collections.nCopies(n - yes, false));
        Collections.shuffle(out, random);
        return out;
    }
}
