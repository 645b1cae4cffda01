package org.ccft.published.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ccft.published.report.Narrative.BadNarrative;
import org.ccft.reference.ComplaintCodeSection;

/**
 * The council's self-assessment against the Complaint Handling Code: for each of its sections, the
 * team's answer (Yes, Partly or No) and the evidence, from {@code self-assessment.csv} beside the
 * report's narrative ({@code section,answer,evidence}). A section the file does not answer is
 * listed as not yet answered; a line naming no section of the Code, answering twice, or answering
 * other than Yes, Partly or No, fails the report with its file and line.
 */
public record SelfAssessment(Map<String, Answer> answers) {

    public static final String FILE = "self-assessment.csv";
    private static final Set<String> ANSWERS = Set.of("Yes", "Partly", "No");

    /** One section's answer and its evidence. */
    public record Answer(String answer, String evidence) {}

    public static SelfAssessment none() {
        return new SelfAssessment(Map.of());
    }

    /** The file in the narrative folder, or none when the folder has none (or there is none). */
    public static SelfAssessment read(Path narrativeFolder) throws BadNarrative {
        if (narrativeFolder == null || !Files.isRegularFile(narrativeFolder.resolve(FILE))) {
            return none();
        }
        Path file = narrativeFolder.resolve(FILE);
        Set<String> sections =
                ComplaintCodeSection.all().stream()
                        .map(ComplaintCodeSection::section)
                        .collect(Collectors.toSet());
        Map<String, Answer> answers = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .setIgnoreSurroundingSpaces(true)
                                .build()
                                .parse(in)) {
            if (!csv.getHeaderNames().containsAll(List.of("section", "answer", "evidence"))) {
                throw new BadNarrative(
                        file + " line 1: the header must be section,answer,evidence");
            }
            for (CSVRecord r : csv) {
                String where = file + " line " + (r.getRecordNumber() + 1) + ": ";
                if (!r.isConsistent()) {
                    throw new BadNarrative(where + "needs section, answer and evidence");
                }
                String section = r.get("section");
                if (!sections.contains(section)) {
                    throw new BadNarrative(
                            where
                                    + "the Code has no section '"
                                    + section
                                    + "' (its sections are 1 to "
                                    + sections.size()
                                    + ")");
                }
                if (!ANSWERS.contains(r.get("answer"))) {
                    throw new BadNarrative(where + "an answer is Yes, Partly or No");
                }
                if (answers.put(section, new Answer(r.get("answer"), r.get("evidence"))) != null) {
                    throw new BadNarrative(where + "section " + section + " is answered twice");
                }
            }
        } catch (IOException e) {
            throw new BadNarrative("cannot read " + file + ": " + e.getMessage());
        }
        return new SelfAssessment(Map.copyOf(answers));
    }

    public Optional<Answer> of(String section) {
        return Optional.ofNullable(answers.get(section));
    }
}
