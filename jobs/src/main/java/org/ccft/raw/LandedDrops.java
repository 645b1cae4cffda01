package org.ccft.raw;

import java.util.Map;

/**
 * What landing in raw refused (its hand-off): drops whose files could not be read, with why; and
 * the rows of erased cases refused, per table (counts only).
 */
public record LandedDrops(Map<String, String> refused, Map<String, Long> erasedRows) {

    public static LandedDrops none() {
        return new LandedDrops(Map.of(), Map.of());
    }
}
