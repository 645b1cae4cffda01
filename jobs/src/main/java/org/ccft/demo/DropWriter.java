package org.ccft.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ccft.landing.LandingArea;

/**
 * Writes a CMS drop the way the CMS does: the CSV files (RFC 4180, UTF-8), then {@code
 * manifest.json} last, with each file's data-row count and SHA-256.
 */
public final class DropWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path landing;
    private final String exportId;
    private final String exportType;
    private final Instant extractedAt;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();

    public DropWriter(Path landing, String exportId, String exportType, Instant extractedAt) {
        this.landing = landing;
        this.exportId = exportId;
        this.exportType = exportType;
        this.extractedAt = extractedAt;
    }

    /** Adds a file with a header and rows (null values become empty fields). */
    public DropWriter file(String name, List<String> header, List<? extends List<?>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (List<?> r : records) {
                csv.printRecord(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rawFile(name, out.toString().getBytes(StandardCharsets.UTF_8), records.size());
    }

    /** Adds a file exactly as given, with the row count its manifest will state. */
    public DropWriter rawFile(String name, byte[] content, long dataRows) {
        files.put(name, content);
        rows.put(name, dataRows);
        return this;
    }

    public Path folder() {
        return landing.resolve("cms").resolve(exportId);
    }

    /** Writes the files, then the manifest. */
    public Path write() throws IOException {
        Path folder = folder();
        Files.createDirectories(folder);
        ObjectNode manifest =
                JSON.createObjectNode()
                        .put("export_id", exportId)
                        .put("export_type", exportType)
                        .put("extracted_at", extractedAt.toString());
        ArrayNode listed = manifest.putArray("files");
        for (var f : files.entrySet()) {
            Files.write(folder.resolve(f.getKey()), f.getValue());
            listed.addObject()
                    .put("name", f.getKey())
                    .put("rows", rows.get(f.getKey()))
                    .put("sha256", LandingArea.sha256(f.getValue()));
        }
        Files.writeString(
                folder.resolve("manifest.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return folder;
    }
}
