package org.ccft.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.quality.DeclaredCheck;
import org.ccft.reference.BankHolidays;
import org.ccft.schemas.CmsContract;

/**
 * Everything a night reads from outside the warehouse, as one fingerprint: the landing area (every
 * folder under {@code cms/} and its manifest's bytes, the SAT's file and DfE's files, byte for
 * byte), the settings that shape what a run loads and publishes, and the code it runs. Read through
 * Hadoop's file system alone: no Spark. A night whose inputs are those the current publication was
 * made from has nothing new to load, build or publish.
 */
public final class NightInputs {

    private final String settings;

    private NightInputs(String settings) {
        this.settings = settings;
    }

    /**
     * The settings a run's outcome depends on (not where Spark runs or how often it logs), with the
     * id of the pseudonymisation key, never the key or a password, and the code.
     */
    public static NightInputs of(CcftProperties properties, String keyId) {
        var guards = properties.getGuards();
        var serving = properties.getServing();
        return new NightInputs(
                Fingerprint.of(
                        "guards",
                        String.valueOf(guards.getClockTolerance()),
                        String.valueOf(guards.getFullExportMaxDeletions()),
                        String.valueOf(guards.getFullExportDeletionFloor()),
                        String.valueOf(guards.getMaxFileSize()),
                        "quality",
                        properties.getQuality().policy().toString(),
                        "council",
                        properties.getCouncil().getLaCode(),
                        properties.getCouncil().getName(),
                        "disclosure",
                        String.valueOf(properties.getDisclosure().policy()),
                        "sat",
                        String.valueOf(properties.getSat().getChunkSize()),
                        String.valueOf(properties.getSat().getSkipLimit()),
                        "serving",
                        String.valueOf(serving.getJdbcUrl()),
                        String.valueOf(serving.getUsername()),
                        "key",
                        String.valueOf(keyId),
                        "code",
                        Fingerprint.ofCode(
                                NightInputs.class,
                                CmsContract.class,
                                BankHolidays.class,
                                DeclaredCheck.class)));
    }

    /** The fingerprint of tonight's inputs from this landing area. */
    public String fingerprint(LandingArea landing) {
        List<String> parts = new ArrayList<>(List.of(settings, landing.root()));
        try {
            Path cms = new Path(landing.cmsFolder());
            FileSystem fs = landing.fileSystem(landing.cmsFolder());
            for (FileStatus folder : list(fs, cms)) {
                String manifest = folder.getPath() + "/manifest.json";
                parts.add(folder.getPath().getName() + (folder.isDirectory() ? "/" : ""));
                if (folder.isDirectory() && landing.exists(manifest)) {
                    parts.add(LandingArea.sha256(landing.readAll(manifest)));
                }
            }
            parts.add(contentOf(landing, landing.satMonthlyFile()));
            Path dfe = new Path(landing.root() + "/dfe/sen2");
            for (FileStatus file : list(fs, dfe)) {
                parts.add(file.getPath().getName());
                parts.add(contentOf(landing, file.getPath().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the landing area " + landing.root(), e);
        }
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    private static List<FileStatus> list(FileSystem fs, Path folder) throws IOException {
        if (!fs.exists(folder)) {
            return List.of();
        }
        return Arrays.stream(fs.listStatus(folder))
                .sorted(Comparator.comparing(f -> f.getPath().getName()))
                .toList();
    }

    private static String contentOf(LandingArea landing, String file) throws IOException {
        return landing.exists(file) ? landing.sha256(file) : "absent";
    }
}
