package org.ccft.published;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * What readers see: {@code published/current.json} names the Delta version of every mart. It moves
 * in one rename, after every step of a run has succeeded; until then the previous versions stay
 * published, whatever a failed run wrote.
 */
public final class Publication {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The published state: which run, as at which date, each mart's version, and the release
     * holding the marts' files ({@code published/releases/<release>/}; null for a publication made
     * before releases), the id of the pseudonymisation key its team lists were made under (null
     * before key ids), and the fingerprint of the night's inputs it was made from ({@link
     * org.ccft.landing.NightInputs}; null when not recorded).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Published(
            @JsonProperty("run_id") long runId,
            @JsonProperty("as_at_date") String asAtDate,
            @JsonProperty("published_at") String publishedAt,
            @JsonProperty("marts") Map<String, Long> marts,
            @JsonProperty("release") String release,
            @JsonProperty("key_id") String keyId,
            @JsonProperty("inputs") String inputs) {}

    private final WarehouseLayout layout;
    private final WarehouseFiles files;

    public Publication(WarehouseLayout layout, Configuration hadoop) {
        this.layout = layout;
        this.files = new WarehouseFiles(hadoop);
    }

    public Optional<Published> current() {
        return files.read(layout.publishedPointer()).map(Publication::parse);
    }

    private static Published parse(String json) {
        try {
            return JSON.readValue(json, Published.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the published pointer cannot be read", e);
        }
    }

    public void publish(Published published) {
        try {
            files.write(
                    layout.publishedPointer(),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(published));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the data dictionary of what is now published beside the pointer ({@code
     * published/data-dictionary.md} and {@code .json}), for readers who never run the tool.
     */
    public void writeDictionary(DataDictionary dictionary) {
        String folder = new Path(layout.publishedPointer()).getParent().toString();
        files.write(folder + "/data-dictionary.md", dictionary.markdown());
        files.write(folder + "/data-dictionary.json", dictionary.json());
    }

    /** Registers every published mart, at its published version, as a view named for it. */
    public Published registerViews(SparkSession spark) {
        Published p =
                current()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "nothing is published in "
                                                        + layout.root()
                                                        + " yet: run `ccft nightly` first"));
        p.marts()
                .forEach(
                        (mart, version) ->
                                DeltaTables.readVersion(spark, layout.mart(mart), version)
                                        .createOrReplaceTempView(mart));
        return p;
    }
}
