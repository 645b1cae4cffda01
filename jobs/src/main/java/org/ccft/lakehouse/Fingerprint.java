package org.ccft.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A short SHA-256 of what a table is computed from: equal fingerprints, equal tables. */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class as compiled: its class file's bytes, hashed (the code a result was computed by). */
    public static String ofClass(Class<?> type) {
        try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return of(HexFormat.of().formatHex(in.readAllBytes()));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read the class file of " + type, e);
        }
    }

    /**
     * The code a run executes: every class and resource of the jars (or class folders) the given
     * classes come from, by name and CRC (a jar's directory holds both, so nothing is decompressed)
     * or by content (a folder), and the class path naming the libraries.
     */
    public static String ofCode(Class<?>... anchors) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
            for (Class<?> anchor : anchors) {
                Path source =
                        Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(source)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(source)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        sha.update(
                                source.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                } else {
                    try (ZipFile jar = new ZipFile(source.toFile())) {
                        jar.stream()
                                .forEach(
                                        e ->
                                                sha.update(
                                                        (e.getName() + ":" + e.getCrc() + ";")
                                                                .getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code the run executes", e);
        }
    }

    /**
     * What a set of rows holds, whatever their order: their count and the sum of a hash of each
     * whole row (as JSON, so that a null in one column cannot pass for a value in another). One
     * Spark job.
     */
    public static String ofRows(Dataset<Row> rows) {
        Row r =
                rows.selectExpr(
                                "count(*)",
                                "sum(CAST(xxhash64(to_json(struct(*))) AS DECIMAL(38, 0)))")
                        .first();
        return of(rows.schema().json(), String.valueOf(r.get(0)), String.valueOf(r.get(1)));
    }
}
