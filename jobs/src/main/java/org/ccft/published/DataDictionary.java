package org.ccft.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartDefinition;

/**
 * The data dictionary of the published marts: each mart's definition with its columns as they are
 * in the published Delta table (name and type), each column's meaning, and any column the
 * definition does not document, or documents but the table lacks, named as such.
 */
public final class DataDictionary {

    /** One published mart: its definition, its published version and schema. */
    public record Entry(String mart, long version, MartDefinition definition, StructType schema) {

        public List<String> undocumented(Map<String, String> shared) {
            List<String> out = new ArrayList<>();
            for (StructField f : schema.fields()) {
                if (definition.meaning(f.name(), shared) == null) {
                    out.add(f.name());
                }
            }
            return out;
        }

        public List<String> documentedButAbsent() {
            List<String> names = List.of(schema.fieldNames());
            return definition.columns().keySet().stream().filter(c -> !names.contains(c)).toList();
        }
    }

    private final List<Entry> entries;
    private final Map<String, String> shared = MartDefinition.sharedColumns();
    private final String asAt;
    private final String policy;

    private DataDictionary(List<Entry> entries, String asAt, String policy) {
        this.entries = entries;
        this.asAt = asAt;
        this.policy = policy;
    }

    /** The same dictionary, saying the council's publication policy (what leaves it, and how). */
    public DataDictionary withPolicy(String policy) {
        return new DataDictionary(entries, asAt, policy);
    }

    /** The published marts, in catalog order, at their published versions. */
    public static DataDictionary of(
            SparkSession spark, WarehouseLayout layout, Publication.Published published) {
        List<Entry> entries = new ArrayList<>();
        for (String mart : MartCatalog.MARTS) {
            Long version = published.marts().get(mart);
            if (version != null) {
                entries.add(
                        new Entry(
                                mart,
                                version,
                                MartDefinition.of(mart),
                                DeltaTables.readVersion(spark, layout.mart(mart), version)
                                        .schema()));
            }
        }
        return new DataDictionary(entries, published.asAtDate(), null);
    }

    /**
     * A dictionary of the given entries (for writing files of marts made elsewhere, as tests do).
     */
    public static DataDictionary of(List<Entry> entries, String asAt) {
        return new DataDictionary(List.copyOf(entries), asAt, null);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Map<String, String> shared() {
        return shared;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# Data dictionary: the published marts\n\n");
        b.append("Marts as at ")
                .append(asAt)
                .append(". Each mart is a table of published figures, described here from its ")
                .append(
                        "definition and its published data. Marts marked *standard* are those whose names ")
                .append(
                        "and meanings dashboards and analysts rely on: they do not change. Each mart's ")
                .append(
                        "audience says who may read it: *public* (figures that may leave the council once ")
                .append(
                        "disclosure control has been applied), *internal* (exact figures, council staff), ")
                .append("*team* (lists by reference, for the complaints team only).\n\n");
        if (policy != null) {
            b.append("**What leaves the council** (the public release, its statistics tables, the ")
                    .append("public site and report, the ccft_public schema): ")
                    .append(policy)
                    .append("\n\n");
        }
        for (Entry e : entries) {
            b.append("- [")
                    .append(e.mart())
                    .append("](#")
                    .append(e.mart())
                    .append("): ")
                    .append(e.definition().title())
                    .append(" (")
                    .append(e.definition().audience())
                    .append(")\n");
        }
        for (Entry e : entries) {
            MartDefinition d = e.definition();
            b.append("\n## ")
                    .append(e.mart())
                    .append("\n\n**")
                    .append(d.title())
                    .append("**")
                    .append(d.contract() == null ? "" : " (standard)")
                    .append(". Published version ")
                    .append(e.version())
                    .append(".\n\n")
                    .append(d.description().trim())
                    .append("\n\n- Audience: ")
                    .append(d.audience())
                    .append("\n- Grain: ")
                    .append(d.grain())
                    .append('\n');
            if (d.report() != null) {
                b.append("- In the annual report: ").append(d.report().trim()).append('\n');
            }
            if (d.notes() != null) {
                b.append("- Note: ").append(d.notes().trim()).append('\n');
            }
            if (d.disclosure() != null) {
                b.append("- Disclosure control (public release): ")
                        .append(d.disclosure().summary())
                        .append('\n');
            }
            b.append("\n| column | holds | meaning |\n| --- | --- | --- |\n");
            for (StructField f : e.schema().fields()) {
                String meaning = d.meaning(f.name(), shared);
                b.append("| ")
                        .append(f.name())
                        .append(" | ")
                        .append(holds(f.dataType()))
                        .append(" | ")
                        .append(
                                meaning == null
                                        ? "**undocumented**"
                                        : meaning.replace("|", "\\|").trim())
                        .append(" |\n");
            }
            for (String absent : e.documentedButAbsent()) {
                b.append("| ")
                        .append(absent)
                        .append(" | **not in the table** | ")
                        .append(d.columns().get(absent))
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    /** What a column holds, in a reader's words: a whole number, a date, text. */
    public static String holds(org.apache.spark.sql.types.DataType type) {
        String t = type.typeName();
        return switch (t) {
            case "integer", "long", "short", "byte" -> "whole number";
            case "double", "float" -> "number";
            case "date" -> "date";
            case "timestamp", "timestamp_ntz" -> "date and time";
            case "boolean" -> "yes or no";
            case "string" -> "text";
            default -> t.startsWith("decimal") ? "number" : t.startsWith("array") ? "list" : t;
        };
    }

    public String json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root =
                json.createObjectNode().put("as_at_date", asAt).put("publication_policy", policy);
        ArrayNode marts = root.putArray("marts");
        for (Entry e : entries) {
            MartDefinition d = e.definition();
            ObjectNode m =
                    marts.addObject()
                            .put("mart", e.mart())
                            .put("version", e.version())
                            .put("title", d.title())
                            .put("audience", d.audience())
                            .put("description", d.description().trim())
                            .put("grain", d.grain())
                            .put("contract", d.contract() != null)
                            .put("report", d.report())
                            .put("notes", d.notes())
                            .put(
                                    "disclosure",
                                    d.disclosure() == null ? null : d.disclosure().summary());
            ArrayNode columns = m.putArray("columns");
            for (StructField f : e.schema().fields()) {
                columns.addObject()
                        .put("name", f.name())
                        .put("type", f.dataType().simpleString())
                        .put("meaning", d.meaning(f.name(), shared));
            }
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
