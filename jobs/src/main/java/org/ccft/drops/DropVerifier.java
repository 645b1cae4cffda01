package org.ccft.drops;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * Checks a drop against its manifest before a row of it is read: the manifest is complete, every
 * file it lists is one the contract defines, is there, and has the listed checksum. The row counts
 * are checked when the rows are parsed ({@link org.ccft.raw.RawLanding}). A damaged drop is refused
 * whole.
 */
public final class DropVerifier {

    private final LandingArea landing;

    public DropVerifier(LandingArea landing) {
        this.landing = landing;
    }

    /** The reason each damaged drop is refused, by export_id; drops not named are sound. */
    public Map<String, String> refusals(List<Drop> drops) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (Drop d : drops) {
            problem(d).ifPresent(why -> refused.put(d.exportId(), why));
        }
        return refused;
    }

    Optional<String> problem(Drop d) {
        if (d.manifestError() != null) {
            return Optional.of(d.manifestError());
        }
        Manifest m = d.manifest();
        if (!d.exportId().equals(m.exportId())) {
            return Optional.of("manifest export_id " + m.exportId() + " does not match its folder " + d.exportId());
        }
        if (!"FULL".equals(m.exportType()) && !"INCREMENTAL".equals(m.exportType())) {
            return Optional.of("manifest export_type must be FULL or INCREMENTAL, found " + m.exportType());
        }
        try {
            Instant.parse(String.valueOf(m.extractedAt()));
        } catch (DateTimeParseException e) {
            return Optional.of("manifest extracted_at is not an ISO-8601 instant: " + m.extractedAt());
        }
        if (m.files() == null || m.files().isEmpty()) {
            return Optional.of("manifest lists no files");
        }
        for (Manifest.ListedFile f : m.files()) {
            Optional<String> fileProblem = fileProblem(d, f);
            if (fileProblem.isPresent()) {
                return fileProblem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> fileProblem(Drop d, Manifest.ListedFile f) {
        if (f.name() == null || CmsContract.CMS_FILES.stream().map(FileContract::file).noneMatch(f.name()::equals)) {
            return Optional.of("manifest lists " + f.name() + ", a file the CMS contract does not define");
        }
        if (f.rows() == null || f.rows() < 0 || f.sha256() == null) {
            return Optional.of("manifest entry for " + f.name() + " lacks rows or sha256");
        }
        String path = d.filePath(f.name());
        if (!landing.exists(path)) {
            return Optional.of(d.fileLabel(f.name()) + " is listed in the manifest but missing");
        }
        try {
            String actual = landing.sha256(path);
            if (!actual.equalsIgnoreCase(f.sha256())) {
                return Optional.of(d.fileLabel(f.name()) + " checksum " + actual + " does not match the manifest's "
                        + f.sha256());
            }
        } catch (IOException e) {
            return Optional.of(d.fileLabel(f.name()) + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }
}
