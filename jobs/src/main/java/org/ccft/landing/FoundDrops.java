package org.ccft.landing;

import java.util.List;

/**
 * What the first step found (its hand-off): the new drops in the landing area, in order, and from
 * the load ledger the FULL exports loaded before and the newest extract loaded before.
 */
public record FoundDrops(
        List<Drop> drops, List<LedgerEntry> earlierFullExports, String newestEarlierExtract) {}
