package org.ccft.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ccft.published.report.ReportSection;

/**
 * The demo council's narrative for its annual report: the project's own text, one Markdown file per
 * section (under {@code demo/narrative/} on the classpath), written into the demo's folder so a
 * team can see what {@code report --narrative} reads and start its own from it.
 */
public final class DemoNarrative {

    private DemoNarrative() {}

    /** Writes each section's file into {@code folder}; returns the folder. */
    public static Path copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (ReportSection section : ReportSection.values()) {
            try (InputStream in =
                    DemoNarrative.class
                            .getClassLoader()
                            .getResourceAsStream("demo/narrative/" + section.file())) {
                if (in != null) {
                    Files.copy(
                            in,
                            folder.resolve(section.file()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return folder;
    }
}
