package org.ccft.landing;

import java.util.List;
import java.util.Map;

/**
 * What verification found (its hand-off): the drops refused, by export id, with why; and the
 * severities this run's configuration changed, as the run's summary prints them.
 */
public record VerifiedDrops(Map<String, String> refused, List<String> severityOverrides) {}
