package org.ccft.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.ccft.published.report.ReportSection;
import org.ccft.published.report.SelfAssessment;

/**
 * The demo council's narrative for its annual report: the project's own text, one Markdown file per
 * section (under {@code demo/narrative/} on the classpath), and its self-assessment against the
 * Complaint Handling Code, written into the demo's folder so a team can see what {@code report
 * --narrative} reads and start its own from it.
 */
public final class DemoNarrative {

    private DemoNarrative() {}

    /** Writes each section's file into {@code folder}; returns the folder. */
    public static Path copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> files = new ArrayList<>();
        for (ReportSection section : ReportSection.values()) {
            files.add(section.file());
        }
        files.add(SelfAssessment.FILE);
        for (String file : files) {
            try (InputStream in =
                    DemoNarrative.class
                            .getClassLoader()
                            .getResourceAsStream("demo/narrative/" + file)) {
                if (in != null) {
                    Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return folder;
    }
}
