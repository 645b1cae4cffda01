package org.ccft.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The contract of one delivered file: its name, the table it feeds, its key and its columns. */
public record FileContract(String file, String table, String key, List<ColumnSpec> columns)
        implements Serializable {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

    public FileContract {
        columns = List.copyOf(columns);
        if (columns.stream().noneMatch(c -> c.name().equals(key))) {
            throw new IllegalArgumentException(
                    file + ": key column " + key + " is not among its columns");
        }
    }

    /** Loads a contract file from the classpath, e.g. {@code contract/cms/actions.yml}. */
    public static FileContract load(String resource) {
        try (InputStream in = FileContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract on the classpath at " + resource);
            }
            return YAML.readValue(in, FileContract.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + resource, e);
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The columns that may leave the raw layer: everything but personal data. */
    public List<ColumnSpec> analyticColumns() {
        return columns.stream().filter(c -> !c.personal()).toList();
    }
}
