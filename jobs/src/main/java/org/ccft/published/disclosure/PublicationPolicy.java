package org.ccft.published.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the council publishes and how (ccft.disclosure in application.yml, shown in the data
 * dictionary). Published exactly, whatever their size: the year's one-way totals, the figures the
 * statutory annual report itself prints (a figure for a period, by at most one classification: by
 * stage, by service area, by theme, by who complained). Protected: every other figure, the detail a
 * reader could narrow to a person (cross-classifications such as a service area's complaints at one
 * stage, months, quarters of a kind of feedback): a count from 1 to the threshold is shown as the
 * suppressed symbol, with others where it could be worked out.
 *
 * @param threshold the largest count protected (5, as DfE's statistics)
 * @param symbols the GSS symbols written in place of a figure
 * @param periods the coordinates that place a figure in time and leave it one-way (the year)
 * @param by each classification by name, with the coordinates it is made of (a stage is its
 *     procedure and number; a service area carries whether it is a SEND service)
 */
public record PublicationPolicy(
        int threshold, Symbols symbols, List<String> periods, Map<String, List<String>> by) {

    /**
     * The GSS symbols: {@code c} confidential (suppressed), {@code low} rounds to zero, {@code x}
     * not available, {@code z} not applicable.
     */
    public record Symbols(
            String suppressed, String low, String notAvailable, String notApplicable) {}

    public PublicationPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "ccft.disclosure.threshold: the suppression threshold is a count of at least 1, not "
                            + threshold);
        }
        periods = List.copyOf(periods);
        by = Collections.unmodifiableMap(new LinkedHashMap<>(by));
        Set<String> seen = new LinkedHashSet<>(periods);
        for (Map.Entry<String, List<String>> c : by.entrySet()) {
            for (String coordinate : c.getValue()) {
                if (!seen.add(coordinate)) {
                    throw new IllegalArgumentException(
                            "ccft.disclosure.exact: "
                                    + coordinate
                                    + " is named twice (classification "
                                    + c.getKey()
                                    + ")");
                }
            }
        }
    }

    /**
     * Whether a figure at these coordinates ({@code figure} aside) is published exactly: each
     * coordinate a period or of one classification.
     */
    public boolean isExact(Map<String, String> coordinates) {
        return classificationOf(coordinates).isPresent();
    }

    /**
     * The one classification the coordinates are of ("" for a period's total), or empty when they
     * cross two or hold a coordinate the policy does not name (a month).
     */
    public Optional<String> classificationOf(Map<String, String> coordinates) {
        String found = "";
        for (String k : coordinates.keySet()) {
            if (k.equals("figure") || periods.contains(k)) {
                continue;
            }
            String c =
                    by.entrySet().stream()
                            .filter(e -> e.getValue().contains(k))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
            if (c == null || (!found.isEmpty() && !found.equals(c))) {
                return Optional.empty();
            }
            found = c;
        }
        return Optional.of(found);
    }

    /** The policy in words, for the data dictionary and disclosure.json. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("Published exactly, whatever their size: each ")
                .append(String.join(" or ", periods).replace('_', ' '))
                .append("'s totals, and its one-way totals by ")
                .append(String.join(", by ", by.keySet()))
                .append(" (the figures the statutory annual report prints). ")
                .append("Protected: every other figure (two classifications crossed, months, ")
                .append("quarters of one kind, a service area at one stage): a count from 1 to ")
                .append(threshold)
                .append(" is shown as ")
                .append(symbols.suppressed())
                .append(
                        ", with the fewest other figures, and the smallest, that stop it being worked out. ")
                .append("Symbols (GSS): ")
                .append(symbols.suppressed())
                .append(" confidential, ")
                .append(symbols.low())
                .append(" rounds to zero, ")
                .append(symbols.notAvailable())
                .append(" not available, ")
                .append(symbols.notApplicable())
                .append(" not applicable.");
        return b.toString();
    }
}
