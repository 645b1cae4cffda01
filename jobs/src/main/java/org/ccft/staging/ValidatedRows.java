package org.ccft.staging;

import java.util.Map;

/**
 * What validation did (its hand-off): rows accepted to staging and sent to quarantine, per table.
 */
public record ValidatedRows(Map<String, Long> accepted, Map<String, Long> quarantined) {}
