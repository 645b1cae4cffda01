package org.ccft.quality;

import java.util.Locale;

/**
 * What a broken check does. {@code ERROR}: the bad unit is set aside and the rest loads (a row goes
 * to quarantine with its rule; a file problem refuses its drop). {@code WARNING}: recorded and
 * shown, nothing held back. {@code CRITICAL}: the job fails before publishing and yesterday's marts
 * stay published. {@code OFF}: not checked.
 */
public enum Severity {
    ERROR,
    WARNING,
    CRITICAL,
    OFF;

    /**
     * Whether this severity does less than the other: off, then warning, then error, then critical.
     */
    public boolean below(Severity other) {
        return rank() < other.rank();
    }

    private int rank() {
        return switch (this) {
            case OFF -> 0;
            case WARNING -> 1;
            case ERROR -> 2;
            case CRITICAL -> 3;
        };
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "': use error, warning, critical or off");
        }
    }
}
