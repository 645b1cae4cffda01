package org.ccft.reference;

import java.util.List;

/**
 * A section of the Ombudsman's Complaint Handling Code, as the council's self-assessment answers
 * it: its number and title.
 */
public record ComplaintCodeSection(String section, String title) {

    /** The Code's sections, in order. */
    public static List<ComplaintCodeSection> all() {
        return ReferenceFiles.csv(
                "complaint_code_sections.csv",
                r -> new ComplaintCodeSection(r.get("section"), r.get("title")));
    }
}
