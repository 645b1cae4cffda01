package org.ccft.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccft.nightly.ExitCode;
import org.ccft.published.statistics.EesConventions;
import org.ccft.testing.Commands;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disclosure control on other data than the demo's own: another seed, three times the volume. Each
 * publish attacks the whole public release with every identity, declared and mined, and publishes
 * nothing if a protected figure can be worked out; so the demo completing is the attack finding
 * nothing, twice. The files that leave are read back as a reader gets them.
 */
@WholeJob
class PublicReleaseHoldsTest {

    @Test
    void anotherSeedAtThreeTimesTheVolumeIsPublishedSafely(@TempDir Path tmp) throws Exception {
        Commands.Result demo =
                Commands.ccft("demo", "--dir", tmp.toString(), "--seed", "7", "--scale", "3");
        assertThat(demo.exitCode()).as(demo.stdout()).isEqualTo(ExitCode.OK);

        Path published = tmp.resolve("warehouse/published/files/public");
        JsonNode disclosure =
                new ObjectMapper().readTree(published.resolve("disclosure.json").toFile());
        assertThat(disclosure.get("primary").asInt()).isPositive();
        assertThat(disclosure.get("secondary").asInt()).isPositive();
        assertThat(disclosure.get("identities_mined_within_a_period").asInt()).isPositive();

        // Every CSV the public gets is a statistics table that passes DfE's conventions.
        List<String> problems = new ArrayList<>();
        List<Path> csvs;
        try (Stream<Path> files = Files.walk(published)) {
            csvs =
                    files.filter(f -> f.toString().endsWith(".csv"))
                            .filter(f -> !f.toString().endsWith(".meta.csv"))
                            .toList();
        }
        assertThat(csvs)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.getParent().getFileName()).hasToString("statistics"));
        for (Path csv : csvs) {
            problems.addAll(EesConventions.check(csv));
        }
        assertThat(problems).isEmpty();

        // The public report prints no c in a sentence.
        String report =
                Files.readString(tmp.resolve("report/annual-report-2022-23-public.html"))
                        .replaceAll("<[^>]+>", " ");
        assertThat(report).doesNotContainPattern("\\bc (were|enquiries|complaints|compliments)\\b");
    }
}
