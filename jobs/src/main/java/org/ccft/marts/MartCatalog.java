package org.ccft.marts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The marts the warehouse publishes (marts.md), and the intermediate views they share, in build order. */
public final class MartCatalog {

    /** Views several marts read; built first, never published. */
    public static final List<String> INTERMEDIATE = List.of("complaint_stages");

    /** The published marts, by the names in marts.md. */
    public static final List<String> MARTS = List.of(
            "at_a_glance", "complaint_outcomes", "complaint_timeliness", "complaint_themes", "lgo_outcomes",
            "sat_complaints_vs_ehcp", "commitment_followup", "adjustments_compliance");

    private MartCatalog() {
    }

    public static String intermediateSql(String name) {
        return sql("marts/intermediate/" + name + ".sql");
    }

    public static String martSql(String name) {
        return sql("marts/" + name + ".sql");
    }

    private static String sql(String resource) {
        try (InputStream in = MartCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SQL at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
