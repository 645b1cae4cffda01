package org.ccft.landing;

import java.util.List;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.Severity;

/**
 * Why a drop was refused whole: the rule it broke ({@code checksum}, {@code row_count}, {@code
 * manifest_unreadable}...), the file concerned (null for the manifest's own problems) and the
 * sentence the ledger, the run summary and the quality report show.
 */
public record Refusal(String exportId, String rule, String file, String message) {

    public CheckOutcome outcome(String step) {
        return new CheckOutcome(
                step,
                "landing",
                rule,
                file == null ? null : file.substring(file.lastIndexOf('/') + 1),
                Severity.ERROR,
                CheckOutcome.Status.REFUSED,
                null,
                1,
                "drop " + exportId + " refused: " + message,
                List.of(exportId),
                file == null ? "cms/" + exportId + "/manifest.json" : file,
                null);
    }
}
