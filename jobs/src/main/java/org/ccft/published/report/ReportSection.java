package org.ccft.published.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The annual report's sections, in the order a council's complaints report has them, each with the
 * file of the team's narrative folder that holds its text ({@code complaints.md}). A section that
 * is the team's text alone (the message, case studies, advocacy, contact details) is left out of
 * the public version until the team writes it; the others print their figures either way.
 */
public enum ReportSection {
    MESSAGE("message", "Message from the team", true),
    AT_A_GLANCE("at-a-glance", "At a Glance", false),
    FEEDBACK_SUMMARY("feedback-summary", "Feedback Summary", false),
    COMPLIMENTS("compliments", "Compliments", false),
    COMPLAINTS("complaints", "Complaints", false),
    SEND("send", "Special Educational Needs and Disabilities (SEND)", false),
    THEMES("themes", "Complaint Themes", false),
    OMBUDSMAN("ombudsman", "Local Government and Social Care Ombudsman", false),
    LEARNING("learning", "Learning from Complaints", false),
    CASE_STUDIES("case-studies", "Case Studies", true),
    ADVOCACY("advocacy", "Advocacy Services", true),
    CONTACT("contact", "Contact Details", true);

    private final String file;
    private final String title;
    private final boolean textOnly;

    ReportSection(String file, String title, boolean textOnly) {
        this.file = file;
        this.title = title;
        this.textOnly = textOnly;
    }

    /** The narrative file's name: {@code complaints.md}. */
    public String file() {
        return file + ".md";
    }

    public String title() {
        return title;
    }

    /** Whether the section is the team's text alone, with no figures of its own. */
    public boolean textOnly() {
        return textOnly;
    }

    public static Optional<ReportSection> ofFile(String name) {
        return Arrays.stream(values()).filter(s -> s.file().equals(name)).findFirst();
    }
}
