package org.ccft.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated feedback record (a complaint stage, compliment, enquiry...), as the CMS would hold
 * it.
 */
final class FeedbackItem {
    String recordId;
    String caseRef;
    String feedbackType;
    String enquirySource;
    String procedure;
    Integer stage;
    LocalDate received;
    String serviceArea;
    String team;
    List<String> themes = List.of();
    String complainantRole;
    boolean nonResidentParent;
    String advocate;
    boolean extensionAgreed;
    LocalDate response;
    String outcome;
    boolean reopened;
    String remedyGbp;
    List<String> adjustments = List.of();
    boolean deletedInError;
    LocalDate acknowledged;
    String notAcceptedReason;
    boolean remedyBeforeLgo;
    String complainantName;
    String complainantEmail;
    String childName;
    String summary;

    boolean isComplaint() {
        return "COMPLAINT".equals(feedbackType);
    }
}
