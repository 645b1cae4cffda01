package org.ccft.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ccft.landing.LandingArea;

/**
 * One case of the bad-input corpus ({@code src/test/resources/bad-input/NN-name/}): the files of a
 * CMS drop exactly as delivered, and {@code case.yml} saying what is wrong, how the manifest is
 * written, and what the warehouse must do (the rule, file and line it reports, the good rows it
 * still loads). Case NN lands as export {@code 20230501T02NN00Z}.
 */
public record BadInputCase(
        String name,
        int number,
        String kind,
        Map<String, Object> manifest,
        Expect expect,
        Path folder) {

    /** What the warehouse must do with the case's drop. */
    public record Expect(
            String outcome, String rule, String file, Integer line, Map<String, Integer> loaded) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Replaced, when the drop is written, by 1,048,576 characters of free text. */
    private static final String ONE_MEGABYTE = "@@ONE_MEGABYTE@@";

    public static List<BadInputCase> all() {
        try {
            Path root =
                    Path.of(BadInputCase.class.getClassLoader().getResource("bad-input").toURI());
            try (Stream<Path> folders = Files.list(root)) {
                return folders.filter(Files::isDirectory).sorted().map(BadInputCase::read).toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the bad-input corpus", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static BadInputCase read(Path folder) {
        try {
            Map<String, Object> yml =
                    YAML.readValue(folder.resolve("case.yml").toFile(), Map.class);
            String name = folder.getFileName().toString();
            Map<String, Object> e = (Map<String, Object>) yml.get("expect");
            Expect expect =
                    new Expect(
                            (String) e.get("outcome"),
                            (String) e.get("rule"),
                            (String) e.get("file"),
                            (Integer) e.get("line"),
                            (Map<String, Integer>) e.getOrDefault("loaded", Map.of()));
            Map<String, Object> manifest =
                    (Map<String, Object>) yml.getOrDefault("manifest", Map.of());
            return new BadInputCase(
                    name,
                    Integer.parseInt(name.substring(0, 2)),
                    (String) yml.get("kind"),
                    manifest == null ? Map.of() : manifest,
                    expect,
                    folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String exportId() {
        return String.format("20230501T02%02d00Z", number);
    }

    public String extractedAt() {
        return String.format("2023-05-01T02:%02d:00Z", number);
    }

    /** The file's name as the warehouse reports it. */
    public String label(String file) {
        return "cms/" + exportId() + "/" + file;
    }

    /** Writes the drop into {@code <landing>/cms/<export_id>/}: its files, then its manifest. */
    @SuppressWarnings("unchecked")
    public void writeTo(Path landing) throws IOException {
        Path drop = Files.createDirectories(landing.resolve("cms").resolve(exportId()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path f :
                    entries.filter(p -> !p.getFileName().toString().equals("case.yml")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (text.contains(ONE_MEGABYTE)) {
                    bytes =
                            text.replace(ONE_MEGABYTE, "x".repeat(1 << 20))
                                    .getBytes(StandardCharsets.ISO_8859_1);
                }
                files.put(f.getFileName().toString(), bytes);
                Files.write(drop.resolve(f.getFileName()), bytes);
            }
        }
        String manifestText;
        if (manifest.containsKey("raw")) {
            manifestText = ((String) manifest.get("raw")).replace("{export_id}", exportId());
        } else {
            ObjectNode m = JSON.createObjectNode();
            m.put("export_id", (String) manifest.getOrDefault("export_id", exportId()));
            m.put("export_type", "INCREMENTAL");
            m.put("extracted_at", (String) manifest.getOrDefault("extracted_at", extractedAt()));
            ArrayNode listed = m.putArray("files");
            Map<String, Integer> rows = (Map<String, Integer>) manifest.get("rows");
            Map<String, String> sha256 =
                    (Map<String, String>) manifest.getOrDefault("sha256", Map.of());
            if (rows != null) {
                rows.forEach(
                        (file, n) ->
                                listed.addObject()
                                        .put("name", file)
                                        .put("rows", n)
                                        .put(
                                                "sha256",
                                                sha256.getOrDefault(
                                                        file,
                                                        files.containsKey(file)
                                                                ? LandingArea.sha256(
                                                                        files.get(file))
                                                                : "0".repeat(64))));
            }
            manifestText = JSON.writeValueAsString(m);
        }
        Files.writeString(drop.resolve("manifest.json"), manifestText, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + ": " + kind;
    }
}
