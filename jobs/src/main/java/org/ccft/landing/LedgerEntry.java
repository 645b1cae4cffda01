package org.ccft.landing;

/** One row of the load ledger: a drop the warehouse has loaded or refused. */
public record LedgerEntry(
        String exportId,
        String exportType,
        String extractedAt,
        String manifestSha256,
        String status,
        String reason) {

    public static final String LOADED = "LOADED";
    public static final String REFUSED = "REFUSED";
}
