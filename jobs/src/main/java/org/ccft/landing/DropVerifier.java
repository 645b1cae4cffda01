package org.ccft.landing;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
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
    private final Instant latestExtract;
    private final long maxFileBytes;

    /**
     * @param latestExtract the latest extracted_at believed: the run's clock and a small tolerance
     * @param maxFileBytes the largest file a drop may hold
     */
    public DropVerifier(LandingArea landing, Instant latestExtract, long maxFileBytes) {
        this.landing = landing;
        this.latestExtract = latestExtract;
        this.maxFileBytes = maxFileBytes;
    }

    /** Why each damaged drop is refused, in drop order; drops not named are sound. */
    public List<Refusal> refusals(List<Drop> drops) {
        return drops.stream().map(this::problem).flatMap(Optional::stream).toList();
    }

    Optional<Refusal> problem(Drop d) {
        if (!ExportId.isValid(d.exportId())) {
            return refuse(
                    d,
                    "export_id_pattern",
                    null,
                    "folder "
                            + ExportId.printable(d.exportId())
                            + " is not an export id ("
                            + ExportId.RULE
                            + "); none of its files is read");
        }
        if (d.manifestError() != null) {
            return refuse(d, "manifest_unreadable", null, d.manifestError());
        }
        Manifest m = d.manifest();
        if (!d.exportId().equals(m.exportId())) {
            return refuse(
                    d,
                    "manifest_export_id",
                    null,
                    "manifest export_id "
                            + m.exportId()
                            + " does not match its folder "
                            + d.exportId());
        }
        if (!"FULL".equals(m.exportType()) && !"INCREMENTAL".equals(m.exportType())) {
            return refuse(
                    d,
                    "manifest_export_type",
                    null,
                    "manifest export_type must be FULL or INCREMENTAL, found " + m.exportType());
        }
        try {
            Instant extracted = Instant.parse(String.valueOf(m.extractedAt()));
            if (extracted.isAfter(latestExtract)) {
                // A drop from the future would date every deletion and the as-at date after today.
                return refuse(
                        d,
                        "extracted_at_future",
                        null,
                        "manifest extracted_at "
                                + m.extractedAt()
                                + " is after the run's clock ("
                                + latestExtract
                                + " with its tolerance)");
            }
        } catch (DateTimeParseException e) {
            return refuse(
                    d,
                    "manifest_extracted_at",
                    null,
                    "manifest extracted_at is not an ISO-8601 instant: " + m.extractedAt());
        }
        if (m.files() == null || m.files().isEmpty()) {
            return refuse(d, "manifest_no_files", null, "manifest lists no files");
        }
        for (Manifest.ListedFile f : m.files()) {
            Optional<Refusal> fileProblem = fileProblem(d, f);
            if (fileProblem.isPresent()) {
                return fileProblem;
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> fileProblem(Drop d, Manifest.ListedFile f) {
        if (f.name() == null
                || CmsContract.CMS_FILES.stream()
                        .map(FileContract::file)
                        .noneMatch(f.name()::equals)) {
            return refuse(
                    d,
                    "manifest_unknown_file",
                    null,
                    "manifest lists " + f.name() + ", a file the CMS contract does not define");
        }
        String label = d.fileLabel(f.name());
        if (f.rows() == null || f.rows() < 0 || f.sha256() == null) {
            return refuse(
                    d,
                    "manifest_entry",
                    label,
                    "manifest entry for " + f.name() + " lacks rows or sha256");
        }
        String path = d.filePath(f.name());
        if (!landing.exists(path)) {
            return refuse(
                    d, "file_missing", label, label + " is listed in the manifest but missing");
        }
        try {
            long size = landing.size(path);
            if (size > maxFileBytes) {
                return refuse(
                        d,
                        "file_too_large",
                        label,
                        label
                                + " is "
                                + size
                                + " bytes, more than the limit of "
                                + maxFileBytes
                                + " (ccft.guards.max-file-size)");
            }
            String actual = landing.sha256(path);
            if (!actual.equalsIgnoreCase(f.sha256())) {
                return refuse(
                        d,
                        "checksum",
                        label,
                        label
                                + " checksum "
                                + actual
                                + " does not match the manifest's "
                                + f.sha256());
            }
        } catch (IOException e) {
            return refuse(
                    d, "file_unreadable", label, label + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Drop d, String rule, String file, String message) {
        return Optional.of(new Refusal(d.exportId(), rule, file, message));
    }
}
