package org.ccft.landing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * One CMS drop found in the landing area: its folder, the checksum of its manifest, and the
 * manifest as read (or why it could not be read).
 */
public record Drop(
        String exportId,
        String folder,
        String manifestSha256,
        Manifest manifest,
        String manifestError) {

    @JsonIgnore
    public boolean isFull() {
        return manifest != null && "FULL".equals(manifest.exportType());
    }

    @JsonIgnore
    public Instant extractedAt() {
        return Instant.parse(manifest.extractedAt());
    }

    @JsonIgnore
    public List<Manifest.ListedFile> files() {
        return manifest == null || manifest.files() == null ? List.of() : manifest.files();
    }

    public String filePath(String name) {
        return folder + "/" + name;
    }

    /** The file's name as quarantine rows and messages show it: relative to the landing area. */
    public String fileLabel(String name) {
        return "cms/" + exportId + "/" + name;
    }
}
