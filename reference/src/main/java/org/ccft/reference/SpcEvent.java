package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A recorded change to a measure's process, dated by the first month it applies to: charts note it
 * at that month and, when {@code rebase}, compute new limits from it (the months before keep
 * theirs). {@code measure} {@code *} applies to every measure.
 */
public record SpcEvent(String measure, String month, String event, boolean rebase)
        implements Serializable {

    public SpcEvent {
        if (!month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException(
                    "spc_events.csv: month of " + event + " must be yyyy-MM, not " + month);
        }
    }

    public static List<SpcEvent> all() {
        return ReferenceFiles.csv(
                "spc_events.csv",
                r ->
                        new SpcEvent(
                                r.get("measure"),
                                r.get("month"),
                                r.get("event"),
                                "Y".equals(r.get("rebase"))));
    }
}
