package org.ccft.marts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.quality.DeclaredCheck;

/**
 * What a mart means, written next to its SQL ({@code marts/<mart>.yml}): title, who may read it
 * (its {@link Audience}), description, grain, the report figures it gives, notes (where the report
 * contradicts itself) and each column's meaning. A public mart also declares its {@link
 * Disclosure}: how its figures add up. Its {@code checks} run before every publication (as {@code
 * quality/checks.yml}'s do); its {@code cases} ({@link MartCase}: given input rows, the rows
 * expected) are its unit tests, run by the build. Columns many marts share take their meaning from
 * {@code marts/columns.yml} unless the mart says more.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MartDefinition(
        String title,
        String audience,
        String description,
        String grain,
        String report,
        String notes,
        String contract,
        Map<String, String> columns,
        Disclosure disclosure,
        List<DeclaredCheck> checks,
        List<MartCase> cases) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

    public static MartDefinition of(String mart) {
        MartDefinition d = read("marts/" + mart + ".yml", new TypeReference<MartDefinition>() {});
        if (d.audience == null) {
            throw new IllegalStateException(
                    "marts/"
                            + mart
                            + ".yml declares no audience (public, internal or team): "
                            + "nothing reads a mart without one");
        }
        if (Audience.of(d.audience) == Audience.PUBLIC && d.disclosure == null) {
            throw new IllegalStateException(
                    "marts/"
                            + mart
                            + ".yml is public but declares no disclosure: how its "
                            + "figures add up (or why it is exempt or withheld) is what protects the children they count");
        }
        List<DeclaredCheck> checks =
                d.checks == null ? List.of() : d.checks.stream().map(c -> c.ofMart(mart)).toList();
        List<MartCase> cases = d.cases == null ? List.of() : d.cases;
        cases.forEach(c -> c.validate(mart));
        return new MartDefinition(
                d.title,
                d.audience,
                d.description,
                d.grain,
                d.report,
                d.notes,
                d.contract,
                d.columns == null ? Map.of() : d.columns,
                d.disclosure,
                checks,
                cases);
    }

    /** The checks every mart declares, for the warehouse step. */
    public static List<DeclaredCheck> checksOfEveryMart() {
        return MartCatalog.MARTS.stream().flatMap(m -> of(m).checks().stream()).toList();
    }

    /** Who may read the mart. */
    public Audience readers() {
        return Audience.of(audience);
    }

    /** The meanings of the columns marts share. */
    public static Map<String, String> sharedColumns() {
        return new LinkedHashMap<>(
                read("marts/columns.yml", new TypeReference<Map<String, String>>() {}));
    }

    /** The column's meaning: the mart's own, else the shared one; null when neither says. */
    public String meaning(String column, Map<String, String> shared) {
        return columns.getOrDefault(column, shared.get(column));
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = MartDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "no definition at " + resource + ": every published mart has one");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
