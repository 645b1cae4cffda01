package org.ccft.published;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who read the complaints team's lists: one JSON line per query asked with {@code --audience team},
 * in {@code <warehouse>/ops/access/team-queries.jsonl}: when, the operating-system user, what it
 * read, how many rows it got, whether it was answered. Never the rows, and not the query's text
 * (which may carry a reference): its SHA-256, so that a query can be matched with one a person
 * shows.
 */
public final class TeamAccessLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public TeamAccessLog(Path warehouse) {
        this.file = warehouse.resolve("ops/access/team-queries.jsonl");
    }

    public Path file() {
        return file;
    }

    public void answered(String query, Set<String> marts, int rows, String source) {
        write(
                entry(query, source)
                        .put("outcome", "answered")
                        .put("rows", rows)
                        .set("marts", JSON.valueToTree(marts)));
    }

    public void refused(String query, String reason, String source) {
        write(entry(query, source).put("outcome", "refused").put("reason", reason));
    }

    private static ObjectNode entry(String query, String source) {
        return JSON.createObjectNode()
                .put("at", Instant.now().toString())
                .put("user", System.getProperty("user.name"))
                .put("audience", "team")
                .put("source", source)
                .put("query_sha256", sha256(query == null ? "" : query));
    }

    /** Appends one line under a file lock, so that two readers at once write whole lines. */
    private void write(ObjectNode entry) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel out =
                            FileChannel.open(
                                    file,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND,
                                    StandardOpenOption.WRITE);
                    FileLock ignored = out.lock()) {
                out.write(ByteBuffer.wrap(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the team access log "
                            + file
                            + ": a team query is not answered unless it is logged",
                    e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
