package org.ccft.quality;

import java.util.Locale;

/**
 * What a broken check does. {@code ERROR}: the bad unit is set aside and the rest loads (a row goes to
 * quarantine with its rule; a file problem refuses its drop). {@code WARNING}: recorded and shown,
 * nothing held back. {@code CRITICAL}: the job fails before publishing and yesterday's marts stay
 * published. {@code OFF}: not checked.
 */
public enum Severity {
    ERROR, WARNING, CRITICAL, OFF;

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "': use error, warning, critical or off");
        }
    }
}
