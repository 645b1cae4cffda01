package org.ccft.marts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Who may read a mart, declared in its definition ({@code audience:} in {@code marts/<mart>.yml}).
 * Each audience reads its own marts and those of the audiences before it: the council's staff read
 * what the public may, and the complaints team reads what the staff may.
 */
public enum Audience {

    /**
     * Aggregates that may be released outside the council once disclosure control has been applied.
     */
    PUBLIC,
    /** Exact aggregates, for council staff. */
    INTERNAL,
    /**
     * Pseudonymous lists of cases and complainants, for the complaints team only; every query is
     * logged.
     */
    TEAM;

    /** Whether a reader of this audience may read a mart declared for {@code mart}. */
    public boolean reads(Audience mart) {
        return mart.ordinal() <= ordinal();
    }

    /** The name used in definitions, paths, schemas and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Audience of(String label) {
        return Arrays.stream(values())
                .filter(a -> a.label().equals(label))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no audience '"
                                                + label
                                                + "': one of "
                                                + Arrays.stream(values())
                                                        .map(Audience::label)
                                                        .collect(Collectors.joining(", "))));
    }
}
