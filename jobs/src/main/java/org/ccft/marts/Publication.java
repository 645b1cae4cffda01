package org.ccft.marts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * What readers see: {@code published/current.json} names the Delta version of every mart. It moves in
 * one rename, after every step of a run has succeeded; until then the previous versions stay
 * published, whatever a failed run wrote.
 */
public final class Publication {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The published state: which run, as at which date, and each mart's version. */
    public record Published(@JsonProperty("run_id") long runId,
                            @JsonProperty("as_at_date") String asAtDate,
                            @JsonProperty("published_at") String publishedAt,
                            @JsonProperty("marts") Map<String, Long> marts) {
    }

    private final WarehouseLayout layout;
    private final Configuration hadoop;

    public Publication(WarehouseLayout layout, Configuration hadoop) {
        this.layout = layout;
        this.hadoop = hadoop;
    }

    public Optional<Published> current() {
        Path pointer = new Path(layout.publishedPointer());
        try {
            FileContext fc = FileContext.getFileContext(pointer.toUri(), hadoop);
            if (!fc.util().exists(pointer)) {
                return Optional.empty();
            }
            try (java.io.InputStream in = fc.open(pointer)) {
                return Optional.of(JSON.readValue(in, Published.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    public void publish(Published published) {
        Path pointer = new Path(layout.publishedPointer());
        Path next = new Path(pointer.getParent(), ".current.json." + published.runId() + ".tmp");
        try {
            FileContext fc = FileContext.getFileContext(pointer.toUri(), hadoop);
            fc.mkdir(pointer.getParent(), null, true);
            try (OutputStream out = fc.create(next, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE,
                    org.apache.hadoop.fs.CreateFlag.OVERWRITE))) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out, published);
            }
            fc.rename(next, pointer, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + pointer, e);
        }
    }

    /**
     * Writes the data dictionary of what is now published beside the pointer
     * ({@code published/data-dictionary.md} and {@code .json}), for readers who never run the tool.
     */
    public void writeDictionary(SparkSession spark) {
        DataDictionary dictionary = DataDictionary.of(spark, layout, current().orElseThrow());
        write(new Path(new Path(layout.publishedPointer()).getParent(), "data-dictionary.md"), dictionary.markdown());
        write(new Path(new Path(layout.publishedPointer()).getParent(), "data-dictionary.json"), dictionary.json());
    }

    private void write(Path file, String text) {
        try {
            FileContext fc = FileContext.getFileContext(file.toUri(), hadoop);
            try (OutputStream out = fc.create(file, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE,
                    org.apache.hadoop.fs.CreateFlag.OVERWRITE), Options.CreateOpts.createParent())) {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Registers every published mart, at its published version, as a view named for it. */
    public Published registerViews(SparkSession spark) {
        Published p = current().orElseThrow(() -> new IllegalStateException(
                "nothing is published in " + layout.root() + " yet: run `ccft nightly` first"));
        p.marts().forEach((mart, version) ->
                DeltaTables.readVersion(spark, layout.mart(mart), version).createOrReplaceTempView(mart));
        return p;
    }
}
