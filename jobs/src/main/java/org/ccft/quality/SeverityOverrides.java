package org.ccft.quality;

import java.util.List;
import java.util.Locale;

/**
 * Every severity a run's configuration changes ({@code --severity}, {@code ccft.quality.severity})
 * as an outcome of its own, warned, so that the run's history, summary and quality report say what
 * was judged differently that night and nobody wonders later why a check let something through.
 */
public final class SeverityOverrides {

    public static final String CHECK = "severity_override";

    private SeverityOverrides() {}

    public static List<CheckOutcome> outcomes(QualityPolicy policy) {
        return policy.overrides().entrySet().stream()
                .map(
                        e ->
                                new CheckOutcome(
                                        "files",
                                        "run",
                                        CHECK,
                                        e.getKey(),
                                        Severity.WARNING,
                                        CheckOutcome.Status.WARNED,
                                        null,
                                        0,
                                        lines(e.getKey(), e.getValue()),
                                        List.of(),
                                        null,
                                        null))
                .toList();
    }

    /** What the summary prints for each override. */
    public static List<String> lines(QualityPolicy policy) {
        return policy.overrides().entrySet().stream()
                .map(e -> lines(e.getKey(), e.getValue()))
                .toList();
    }

    private static String lines(String check, Severity severity) {
        return "severity override: "
                + check
                + " judged at "
                + severity.name().toLowerCase(Locale.ROOT)
                + " in this run";
    }
}
