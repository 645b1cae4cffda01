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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who read the complaints team's lists: one JSON line per query asked with {@code --audience team},
 * in {@code <warehouse>/ops/access/team-queries.jsonl}: when, the operating-system user, what it
 * read, how many rows it got, whether it was answered, and if not, why, as a fixed code ({@code
 * not_a_mart}, {@code query_failed}, {@code failed}). Never the rows, never a message that can
 * quote the query, and not the query's text (which may carry a reference): its SHA-256, so that a
 * query can be matched with one a person shows. The file and its folder are the owner's only.
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

    public void refused(String query, RefusedQuery why, String source) {
        write(entry(query, source).put("outcome", "refused").put("reason", why.logged()));
    }

    /** A query that could not be answered for a reason of the tool's own (it failed). */
    public void failed(String query, String source) {
        write(entry(query, source).put("outcome", "failed"));
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
            ownersOnly();
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

    /** The folder and the file, made or kept readable and writable by their owner only. */
    private void ownersOnly() throws IOException {
        Path folder = file.getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            if (posix) {
                Files.createDirectories(
                        folder,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (!posix) {
            return;
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        if (!Files.exists(file)) {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
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
