package org.ccft.landing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code manifest.json}: what a CMS drop holds. Written last by the CMS. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        @JsonProperty("export_id") String exportId,
        @JsonProperty("export_type") String exportType,
        @JsonProperty("extracted_at") String extractedAt,
        @JsonProperty("files") List<ListedFile> files) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedFile(String name, Long rows, String sha256) {}
}
