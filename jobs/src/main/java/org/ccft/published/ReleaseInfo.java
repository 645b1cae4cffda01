package org.ccft.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a release says of itself ({@code release.json} at its root): which run published it, as at
 * when, for which council, and the data-quality verdict of that run, which every page and report
 * built from the release shows beside its figures.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseInfo(
        @JsonProperty("release") String release,
        @JsonProperty("run_id") long runId,
        @JsonProperty("as_at_date") String asAtDate,
        @JsonProperty("published_at") String publishedAt,
        @JsonProperty("council") String council,
        @JsonProperty("quality_verdict") String qualityVerdict) {

    public static final String FILE = "release.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public void write(Path releaseFolder) {
        try {
            Files.writeString(
                    releaseFolder.resolve(FILE),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + releaseFolder.resolve(FILE), e);
        }
    }

    /**
     * The record of the release a reader reads; for a release written before there was one, what it
     * tells.
     */
    public static ReleaseInfo of(MartReader reader, String council) {
        return of(reader.source().release(), reader.source().asAtDate(), council);
    }

    private static ReleaseInfo of(Path releaseFolder, String asAtDate, String council) {
        Path file = releaseFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ReleaseInfo(
                    releaseFolder.getFileName().toString(),
                    0,
                    asAtDate,
                    "not recorded",
                    council,
                    "NOT RECORDED");
        }
        try {
            return JSON.readValue(file.toFile(), ReleaseInfo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
