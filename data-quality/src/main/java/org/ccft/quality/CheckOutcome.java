package org.ccft.quality;

import java.util.List;

/**
 * What one check found in one run: which check, on which layer and table, at which severity, its
 * status, the figure it measured and a sentence with the numbers; for a row or file problem, where
 * it is; for a failed dataset check, some of the keys that broke it (record ids, never content).
 */
public record CheckOutcome(
        String step,
        String layer,
        String check,
        String table,
        Severity severity,
        Status status,
        Double metric,
        long failing,
        String figures,
        List<String> offenders,
        String file,
        Long line) {

    public enum Status {
        /** The data met the check. */
        PASSED,
        /** Rows broke an error-severity rule and went to quarantine; the rest loaded. */
        QUARANTINED,
        /** A drop was refused for it; the other drops loaded. */
        REFUSED,
        /** Broken, recorded, nothing held back. */
        WARNED,
        /** A critical check broke: the job fails before publishing. */
        FAILED,
        /** Not judged (switched off, or not enough history). */
        SKIPPED
    }

    public static Status statusFor(Severity severity, boolean broken) {
        if (!broken) {
            return Status.PASSED;
        }
        return switch (severity) {
            case ERROR -> Status.QUARANTINED;
            case WARNING -> Status.WARNED;
            case CRITICAL -> Status.FAILED;
            case OFF -> Status.SKIPPED;
        };
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
