package org.ccft.published;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * Named publications, so that a figure the council has published (an annual report, a return) can
 * be reproduced exactly however the data are corrected later. Tagging records the Delta version of
 * every published mart, and keeps a copy of each at that version under {@code
 * published/tags/<tag>/}: the copy is what {@code ccft sql --as-of} reads, so a tag survives
 * compaction, vacuuming and the marts' own log clean-up. A tag is never moved or overwritten.
 */
public final class PublicationTags {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tag's name: what {@code ccft sql --as-of} accepts too. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A tag: the publication it names, each mart's version, and where the copies are. */
    public record Tag(
            @JsonProperty("tag") String tag,
            @JsonProperty("run_id") long runId,
            @JsonProperty("as_at_date") String asAtDate,
            @JsonProperty("published_at") String publishedAt,
            @JsonProperty("tagged_at") String taggedAt,
            @JsonProperty("marts") Map<String, Long> marts,
            @JsonProperty("release") String release,
            @JsonProperty("key_id") String keyId) {}

    private final WarehouseLayout layout;
    private final WarehouseFiles files;

    public PublicationTags(WarehouseLayout layout, Configuration hadoop) {
        this.layout = layout;
        this.files = new WarehouseFiles(hadoop);
    }

    /** Tags what is published now; refuses a name already used or not a plain name. */
    public Tag tag(SparkSession spark, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a tag is 1-64 letters, digits, '.', '_' or '-', starting with a "
                            + "letter or digit: "
                            + name);
        }
        if (find(name).isPresent()) {
            throw new IllegalStateException(
                    "tag " + name + " already exists; a tag is never moved (choose another name)");
        }
        Publication.Published current =
                new Publication(layout, spark.sparkContext().hadoopConfiguration())
                        .current()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "nothing is published in "
                                                        + layout.root()
                                                        + " yet"));
        current.marts()
                .forEach(
                        (mart, version) ->
                                DeltaTables.overwrite(
                                        DeltaTables.readVersion(spark, layout.mart(mart), version),
                                        copy(name, mart)));
        if (current.release() != null) {
            copyRelease(
                    current.release(),
                    releaseCopy(name),
                    spark.sparkContext().hadoopConfiguration());
        }
        // The tag exists once its record is written, after every copy: a tagging cut short leaves
        // no tag.
        Tag tag =
                new Tag(
                        name,
                        current.runId(),
                        current.asAtDate(),
                        current.publishedAt(),
                        Instant.now().toString(),
                        current.marts(),
                        current.release() == null ? null : name + "/release",
                        current.keyId());
        try {
            files.write(
                    record(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tag;
    }

    public Optional<Tag> find(String name) {
        return files.read(record(name)).map(PublicationTags::parse);
    }

    public List<Tag> all() {
        return files.list(layout.publishedTags()).stream()
                .filter(f -> f.endsWith(".json"))
                .map(f -> parse(files.read(f).orElseThrow()))
                .toList();
    }

    /** Registers every mart as the tag has it, by its name. */
    public Tag registerViews(SparkSession spark, String name) {
        Tag tag =
                find(name)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no tag "
                                                        + name
                                                        + " in "
                                                        + layout.root()
                                                        + " (ccft publish --tag lists them)"));
        tag.marts()
                .keySet()
                .forEach(
                        mart ->
                                DeltaTables.read(spark, copy(name, mart))
                                        .createOrReplaceTempView(mart));
        return tag;
    }

    /** Where a tag keeps its copy of the release's files (what {@code ccft sql --as-of} reads). */
    public String releaseCopy(String name) {
        return layout.publishedTags() + "/" + name + "/release";
    }

    private void copyRelease(String release, String target, Configuration hadoop) {
        Path from = new Path(layout.publishedReleases() + "/" + release);
        Path to = new Path(target);
        try {
            FileSystem fs = ReleaseFolders.fileSystem(from, hadoop);
            fs.delete(to, true);
            if (!FileUtil.copy(fs, from, fs, to, false, true, hadoop)) {
                throw new IOException("copy failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy release " + release + " to " + target, e);
        }
    }

    private String record(String name) {
        return layout.publishedTags() + "/" + name + ".json";
    }

    private String copy(String name, String mart) {
        return layout.publishedTags() + "/" + name + "/" + mart;
    }

    private static Tag parse(String json) {
        try {
            return JSON.readValue(json, Tag.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a tag record cannot be read", e);
        }
    }
}
