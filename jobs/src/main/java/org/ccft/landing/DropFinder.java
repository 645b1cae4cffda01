package org.ccft.landing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the drops under {@code <landing>/cms/} that are complete (they have a manifest) and that
 * the ledger has not loaded yet. A folder without a manifest is still being written and is left
 * alone; a refused drop is tried again only when its manifest changes (the CMS re-sent it). A
 * folder whose name is not an {@link ExportId} is refused on its name, once, without reading it.
 */
public final class DropFinder {

    private static final Logger LOG = LoggerFactory.getLogger(DropFinder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LandingArea landing;

    public DropFinder(LandingArea landing) {
        this.landing = landing;
    }

    public List<Drop> newDrops(List<LedgerEntry> ledger) {
        Map<String, LedgerEntry> known =
                ledger.stream()
                        .collect(
                                Collectors.toMap(
                                        LedgerEntry::exportId, Function.identity(), (a, b) -> b));
        List<Drop> found = new ArrayList<>();
        int incomplete = 0;
        int alreadyLoaded = 0;
        try {
            FileSystem fs = landing.fileSystem(landing.cmsFolder());
            Path cms = new Path(landing.cmsFolder());
            if (!fs.exists(cms)) {
                LOG.warn("no CMS folder at {}: nothing to load", cms);
                return List.of();
            }
            for (FileStatus folder : fs.listStatus(cms)) {
                if (!folder.isDirectory()) {
                    continue;
                }
                String exportId = folder.getPath().getName();
                if (!ExportId.isValid(exportId)) {
                    // Refused once, on its name alone: nothing inside it is read, and it is not
                    // tried again.
                    if (!known.containsKey(exportId)) {
                        found.add(
                                new Drop(
                                        exportId,
                                        null,
                                        null,
                                        null,
                                        "the folder's name is not an export id"));
                    }
                    continue;
                }
                String folderPath = landing.cmsFolder() + "/" + exportId;
                String manifestPath = folderPath + "/manifest.json";
                if (!fs.exists(new Path(manifestPath))) {
                    incomplete++;
                    LOG.info(
                            "drop {} has no manifest.json yet: left alone until a later run",
                            exportId);
                    continue;
                }
                byte[] manifestBytes = landing.readAll(manifestPath);
                String sha = LandingArea.sha256(manifestBytes);
                LedgerEntry entry = known.get(exportId);
                if (entry != null
                        && (LedgerEntry.LOADED.equals(entry.status())
                                || sha.equals(entry.manifestSha256()))) {
                    alreadyLoaded++;
                    continue;
                }
                found.add(read(exportId, folderPath, sha, manifestBytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + landing.cmsFolder(), e);
        }
        found.sort(Comparator.comparing(Drop::exportId));
        LOG.info(
                "landing {}: {} new drops, {} already in the ledger, {} without a manifest",
                landing.cmsFolder(),
                found.size(),
                alreadyLoaded,
                incomplete);
        return found;
    }

    static Drop read(String exportId, String folder, String sha, byte[] manifestBytes) {
        try {
            Manifest m = JSON.readValue(manifestBytes, Manifest.class);
            if (m == null) {
                return new Drop(exportId, folder, sha, null, "manifest.json is empty");
            }
            return new Drop(exportId, folder, sha, m, null);
        } catch (IOException e) {
            String why =
                    e.getMessage() == null
                            ? e.toString()
                            : e.getMessage().lines().findFirst().orElse("");
            return new Drop(exportId, folder, sha, null, "manifest.json is not valid JSON: " + why);
        }
    }
}
