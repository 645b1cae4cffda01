package org.ccft.operations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an erasure did, as the warehouse keeps it ({@code ops/erasures/}) and the command prints it:
 * the request's own reference, when, how many cases and records were asked for, the rows each table
 * lost, the release published without them, and what still holds their pseudonyms. No reference to
 * the person: neither case_ref nor record_id is kept.
 */
public record ErasureRecord(
        @JsonProperty("request") String request,
        @JsonProperty("erased_at") String erasedAt,
        @JsonProperty("cases_named") int casesNamed,
        @JsonProperty("records_named") int recordsNamed,
        @JsonProperty("rows_removed") Map<String, Long> rowsRemoved,
        @JsonProperty("republished") String republished,
        @JsonProperty("tags_keeping_pseudonyms") int tagsKept,
        @JsonProperty("releases_keeping_pseudonyms") int releasesKept) {

    /** The record as lines for stdout. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(
                "erasure "
                        + request
                        + " at "
                        + erasedAt
                        + ": "
                        + casesNamed
                        + " case(s), "
                        + recordsNamed
                        + " record(s) named");
        rowsRemoved.forEach((table, rows) -> lines.add("rows removed from " + table + ": " + rows));
        lines.add("history: every file of those tables' earlier versions removed");
        lines.add(
                republished == null
                        ? "nothing was published: no marts rebuilt"
                        : "marts rebuilt and published as release " + republished);
        lines.add(
                "still held, as pseudonyms only (no name, email, summary or CMS reference): the team lists of "
                        + tagsKept
                        + " tag(s) and "
                        + releasesKept
                        + " earlier release(s); landing drops are the CMS's files "
                        + "and go with the retention policy (ccft maintain)");
        return lines;
    }
}
