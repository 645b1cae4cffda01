package org.ccft.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The response target of one complaint procedure and stage, in working days, for complaints
 * received between {@code validFrom} and {@code validTo} (inclusive; open-ended when null).
 */
public record ComplaintTimescale(
        String procedure,
        int stage,
        int targetWorkingDays,
        int extendedWorkingDays,
        LocalDate validFrom,
        LocalDate validTo)
        implements Serializable {

    public static List<ComplaintTimescale> all() {
        return ReferenceFiles.csv(
                "complaint_timescales.csv",
                r ->
                        new ComplaintTimescale(
                                r.get("procedure"),
                                Integer.parseInt(r.get("stage")),
                                Integer.parseInt(r.get("target_working_days")),
                                Integer.parseInt(r.get("extended_working_days")),
                                LocalDate.parse(r.get("valid_from")),
                                r.get("valid_to").isEmpty()
                                        ? null
                                        : LocalDate.parse(r.get("valid_to"))));
    }

    public boolean appliesTo(String procedure, int stage, LocalDate received) {
        return this.procedure.equals(procedure)
                && this.stage == stage
                && !received.isBefore(validFrom)
                && (validTo == null || !received.isAfter(validTo));
    }

    public int workingDays(boolean extended) {
        return extended ? extendedWorkingDays : targetWorkingDays;
    }

    public static Optional<ComplaintTimescale> find(
            List<ComplaintTimescale> all, String procedure, int stage, LocalDate received) {
        return all.stream().filter(t -> t.appliesTo(procedure, stage, received)).findFirst();
    }
}
