package org.ccft.reference;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names readers know the CMS's and the marts' codes by ({@code code_names.csv}, with the
 * service areas' and themes' own files): {@code YOUNG_PERSON} is "Young person", {@code
 * IFD_ASSESSMENT} is the service area's name. Codes stay in the tables' code columns; what readers
 * read beside them, or instead of them in a chart, is the name.
 */
public final class CodeNames implements Serializable {

    private final Map<String, String> byColumnAndCode = new HashMap<>();
    private final Map<String, String> byCode = new HashMap<>();
    private final java.util.Set<String> columns = new java.util.HashSet<>();

    private CodeNames() {}

    public static CodeNames load() {
        CodeNames names = new CodeNames();
        ReferenceFiles.csv(
                "code_names.csv", r -> names.put(r.get("column"), r.get("code"), r.get("name")));
        ServiceArea.all().forEach(a -> names.put("service_area", a.code(), a.name()));
        Theme.all().forEach(t -> names.put("theme", t.code(), t.name()));
        return names;
    }

    private Object put(String column, String code, String name) {
        columns.add(column);
        byColumnAndCode.put(column + "\u0000" + code, name);
        byCode.putIfAbsent(code, name);
        return name;
    }

    /**
     * The name of {@code code} in {@code column}, or of the code wherever it is listed (a mart's
     * {@code kind} holds feedback measures, its {@code primary_theme} themes), or the code itself
     * when no list has it.
     */
    public String name(String column, String code) {
        if (code == null) {
            return "";
        }
        String name = byColumnAndCode.get(column + "\u0000" + code);
        if (name == null && column.endsWith("_theme")) {
            name = byColumnAndCode.get("theme\u0000" + code);
        }
        return name != null ? name : byCode.getOrDefault(code, code);
    }

    /** Whether the column holds codes that have names. */
    public boolean hasNames(String column) {
        return columns.contains(column) || column.endsWith("_theme") || column.equals("kind");
    }

    /** Every listed code's name, by column then code: what a page's script names codes with. */
    public Map<String, Map<String, String>> byColumn() {
        Map<String, Map<String, String>> out = new java.util.TreeMap<>();
        byColumnAndCode.forEach(
                (key, name) -> {
                    String[] parts = key.split("\u0000", 2);
                    out.computeIfAbsent(parts[0], c -> new java.util.TreeMap<>())
                            .put(parts[1], name);
                });
        return out;
    }

    /** Column names as headers: {@code complainant_role} is "Complainant role". */
    public static String header(String column) {
        String words = column.replace('_', ' ').toLowerCase(Locale.ROOT);
        words =
                words.replace(" gbp", " (£)")
                        .replace("lgo", "Ombudsman")
                        .replace("ehcp", "EHC plan");
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
