package org.ccft.raw;

import java.util.Map;

/** What landing in raw refused (its hand-off): drops whose files could not be read, with why. */
public record LandedDrops(Map<String, String> refused) {}
