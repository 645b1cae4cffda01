package org.ccft.quality;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A critical check broke: the run stops before publishing, and yesterday's marts stay published.
 */
public class CriticalQualityFailure extends RuntimeException {

    public CriticalQualityFailure(List<CheckOutcome> failed) {
        super(
                "critical data-quality check failed, nothing is published: "
                        + failed.stream()
                                .map(
                                        o ->
                                                o.check()
                                                        + (o.file() == null
                                                                ? ""
                                                                : " in "
                                                                        + o.file()
                                                                        + (o.line() == null
                                                                                ? ""
                                                                                : " line "
                                                                                        + o.line()))
                                                        + ": "
                                                        + o.figures())
                                .collect(Collectors.joining("; ")));
    }

    /** Throws when any outcome failed. */
    public static void throwIfAny(List<CheckOutcome> outcomes) {
        List<CheckOutcome> failed = outcomes.stream().filter(CheckOutcome::failed).toList();
        if (!failed.isEmpty()) {
            throw new CriticalQualityFailure(failed);
        }
    }
}
