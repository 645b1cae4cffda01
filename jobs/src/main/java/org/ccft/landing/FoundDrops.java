package org.ccft.landing;

import java.util.List;

/**
 * What the first step found (its hand-off): the new drops in the landing area, in order, and from
 * the load ledger the FULL exports loaded before and the newest extract loaded before; the
 * fingerprint of tonight's inputs ({@link NightInputs}); and, when they are those the current
 * publication was made from, the run that published it (then there is nothing new to do).
 */
public record FoundDrops(
        List<Drop> drops,
        List<LedgerEntry> earlierFullExports,
        String newestEarlierExtract,
        String inputs,
        Long unchangedSince) {

    /** Nothing found: no drop, nothing loaded before. */
    public static FoundDrops none() {
        return new FoundDrops(List.of(), List.of(), null, null, null);
    }
}
