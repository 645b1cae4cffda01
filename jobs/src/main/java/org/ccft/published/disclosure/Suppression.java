package org.ccft.published.disclosure;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Disclosure control as DfE practises it, on one {@link CountTable}: counts from 1 to the threshold
 * are suppressed (shown as {@code c}); zeros stay; exempt figures are shown exactly. Then secondary
 * suppression: while {@link Attack} can work out a suppressed value from what is published and the
 * identities the figures obey, the cheapest complement that stops it ({@link CheapestComplement}: a
 * linear programme, cost growing with value, totals dearest) is suppressed too. A small count that
 * the exempt figures alone fix cannot be hidden (the council publishes it anyway, in effect): it is
 * shown, and reported as such.
 */
public final class Suppression {

    /** What is shown as {@code c}, why, and what could not be hidden. */
    public record Result(
            Set<String> primary, Set<String> secondary, Set<String> shownBecauseExempt) {

        public Set<String> suppressed() {
            Set<String> all = new LinkedHashSet<>(primary);
            all.addAll(secondary);
            return all;
        }

        public boolean isSuppressed(String cell) {
            return primary.contains(cell) || secondary.contains(cell);
        }
    }

    /** Exposed cells protected before the attack is asked again. */
    private static final int BETWEEN_ATTACKS = 40;

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "the suppression threshold is a count of at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public Result apply(CountTable table) {
        Set<String> primary = new LinkedHashSet<>();
        table.cells().values().stream()
                .filter(c -> !c.exempt() && !c.hidden() && c.value() >= 1 && c.value() <= threshold)
                .forEach(c -> primary.add(c.id()));
        Set<String> secondary = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        for (CountTable part : table.components()) {
            settle(part, primary, secondary, shown);
        }
        return new Result(primary, secondary, shown);
    }

    /**
     * Secondary suppression on cells tied together by identities (the table's other cells cannot
     * reach them). Suppressing more only takes knowledge away, so a complement found for one
     * exposed cell keeps it protected whatever is suppressed after; only a cell given up as shown
     * adds knowledge. The attack is asked again after every round, until it finds nothing.
     */
    private static void settle(
            CountTable table, Set<String> primary, Set<String> secondary, Set<String> shown) {
        if (table.cells().keySet().stream().noneMatch(primary::contains)) {
            return;
        }
        CheapestComplement complements = new CheapestComplement(table);
        for (int round = 0; round <= table.cells().size(); round++) {
            Set<String> suppressed = new LinkedHashSet<>();
            table.cells().keySet().stream()
                    .filter(id -> primary.contains(id) || secondary.contains(id))
                    .forEach(suppressed::add);
            Set<String> exposed = new TreeSet<>(Attack.derivable(table, suppressed).keySet());
            if (exposed.isEmpty()) {
                return;
            }
            // A complement often protects its neighbours too (the other corners of a rectangle):
            // only the first few exposed cells are protected before the attack is asked again.
            int protectedNow = 0;
            for (String e : exposed) {
                if (protectedNow == BETWEEN_ATTACKS) {
                    break;
                }
                Set<String> unknown = new LinkedHashSet<>(suppressed);
                unknown.addAll(secondary);
                Optional<Set<String>> complement = complements.of(e, unknown, shown);
                if (complement.isPresent()) {
                    secondary.addAll(complement.get());
                    protectedNow++;
                } else {
                    // The exempt figures fix its value: the council publishes it anyway.
                    primary.remove(e);
                    secondary.remove(e);
                    shown.add(e);
                }
            }
        }
        throw new IllegalStateException(
                "secondary suppression did not settle on a table of "
                        + table.cells().size()
                        + " cells");
    }

    /** A share computed from counts is shown only when none of them is suppressed. */
    public static boolean shareShown(Result result, List<String> counts) {
        return counts.stream().noneMatch(result::isSuppressed);
    }

    /** The cells' values as a reader sees them: the count, or {@code c}. */
    public static Map<String, String> shown(CountTable table, Result result) {
        Map<String, String> out = new LinkedHashMap<>();
        table.cells()
                .forEach(
                        (id, cell) ->
                                out.put(
                                        id,
                                        result.isSuppressed(id)
                                                ? "c"
                                                : String.valueOf(cell.value())));
        return out;
    }
}
