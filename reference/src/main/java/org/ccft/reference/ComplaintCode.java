package org.ccft.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The Ombudsman's Complaint Handling Code for one procedure and stage: the working days to
 * acknowledge a complaint, to answer it (counted from the acknowledgement, or from receipt for the
 * statutory procedure, which keeps its own timescales), and the longest extension, for complaints
 * received between {@code validFrom} and {@code validTo} (inclusive; open-ended when null).
 */
public record ComplaintCode(
        String procedure,
        int stage,
        int acknowledgeWorkingDays,
        int respondWorkingDays,
        String respondFrom,
        int extensionWorkingDays,
        LocalDate validFrom,
        LocalDate validTo)
        implements Serializable {

    /** The Code's rows as the reference file holds them. */
    public static List<ComplaintCode> all() {
        return ReferenceFiles.csv(
                "complaint_code.csv",
                r ->
                        new ComplaintCode(
                                r.get("procedure"),
                                Integer.parseInt(r.get("stage")),
                                Integer.parseInt(r.get("acknowledge_working_days")),
                                Integer.parseInt(r.get("respond_working_days")),
                                r.get("respond_from"),
                                Integer.parseInt(r.get("extension_working_days")),
                                LocalDate.parse(r.get("valid_from")),
                                r.get("valid_to").isEmpty()
                                        ? null
                                        : LocalDate.parse(r.get("valid_to"))));
    }

    /**
     * The Code's rows applied from another date, the first day of a financial year (to see what it
     * would have shown in an earlier year); {@code from} null keeps the file's.
     */
    public static List<ComplaintCode> appliedFrom(LocalDate from) {
        if (from != null && (from.getMonthValue() != 4 || from.getDayOfMonth() != 1)) {
            throw new IllegalArgumentException(
                    "the Complaint Handling Code is applied from "
                            + from
                            + ": it must be applied from the first day of a financial year (1 April),"
                            + " so that each year's complaints are all measured against it or none"
                            + " (ccft.council.complaint-code-from)");
        }
        return all().stream()
                .map(
                        c ->
                                from == null
                                        ? c
                                        : new ComplaintCode(
                                                c.procedure(),
                                                c.stage(),
                                                c.acknowledgeWorkingDays(),
                                                c.respondWorkingDays(),
                                                c.respondFrom(),
                                                c.extensionWorkingDays(),
                                                from,
                                                c.validTo()))
                .toList();
    }
}
