package org.ccft.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A check as {@code quality/checks.yml} declares it: which step runs it, on which layer and table,
 * at which severity, the SQL that gives the rows to check (over views the nightly job registers),
 * and what those rows must meet: {@code unique} columns, a {@code complete} column, or a {@code
 * satisfies} condition. {@code key} names the column that identifies an offending row in the
 * report. An anomaly instead names a measure ({@code sum} or {@code mean} of a column) watched
 * against its history, as a {@code volume} or a {@code rate}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DeclaredCheck(
        String name,
        String step,
        String layer,
        String table,
        Severity severity,
        String description,
        String data,
        String key,
        List<String> unique,
        String complete,
        String satisfies,
        String sum,
        String mean,
        String where,
        @JsonProperty("watch") Watch watch) {

    /** How an anomaly's measure is judged against its history. */
    public enum Watch {
        VOLUME,
        RATE
    }

    /** Every check and anomaly of the file, in order. */
    public record Catalog(List<DeclaredCheck> checks, List<DeclaredCheck> anomalies) {

        public List<DeclaredCheck> checks(String step) {
            return checks.stream().filter(c -> c.step().equals(step)).toList();
        }

        public List<DeclaredCheck> anomalies(String step) {
            return anomalies.stream().filter(c -> c.step().equals(step)).toList();
        }

        /**
         * This catalog and more checks (a mart's own, declared with the mart). A name used twice is
         * an error.
         */
        public Catalog with(List<DeclaredCheck> more) {
            List<DeclaredCheck> all = new ArrayList<>(checks);
            all.addAll(more);
            Set<String> names = new HashSet<>();
            all.forEach(
                    c -> {
                        if (!names.add(c.name())) {
                            throw new IllegalStateException(
                                    "two quality checks are named " + c.name());
                        }
                    });
            return new Catalog(List.copyOf(all), anomalies);
        }
    }

    /**
     * The check as a mart's definition declares it: unless it says otherwise, run as the marts are
     * built (step {@code marts}), on the marts layer, against the mart's table.
     */
    public DeclaredCheck ofMart(String mart) {
        DeclaredCheck c =
                new DeclaredCheck(
                        name,
                        step == null ? "marts" : step,
                        layer == null ? "marts" : layer,
                        table == null ? mart : table,
                        severity,
                        description,
                        data,
                        key,
                        unique,
                        complete,
                        satisfies,
                        sum,
                        mean,
                        where,
                        watch);
        c.validate();
        return c;
    }

    public static Catalog load() {
        return load("quality/checks.yml");
    }

    public static Catalog load(String resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = DeclaredCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            Catalog catalog =
                    yaml.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                            .readValue(in, Catalog.class);
            catalog.checks().forEach(DeclaredCheck::validate);
            catalog.anomalies().forEach(DeclaredCheck::validate);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private void validate() {
        int expectations =
                (unique == null ? 0 : 1)
                        + (complete == null ? 0 : 1)
                        + (satisfies == null ? 0 : 1)
                        + (sum == null ? 0 : 1)
                        + (mean == null ? 0 : 1);
        if (name == null
                || step == null
                || layer == null
                || severity == null
                || data == null
                || expectations != 1) {
            throw new IllegalStateException(
                    "quality check "
                            + name
                            + " needs name, step, layer, severity, data and "
                            + "exactly one of unique, complete, satisfies, sum, mean");
        }
        if ((sum != null || mean != null) && watch == null) {
            throw new IllegalStateException("anomaly " + name + " needs watch: volume or rate");
        }
    }
}
