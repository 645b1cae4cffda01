package org.ccft.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The landing area as a Hadoop file system: a local folder or an object store alike. */
public final class LandingArea {

    /**
     * Characters Hadoop's path lists and globs treat as syntax: none may be in a path the job
     * reads.
     */
    static final String GLOB_CHARACTERS = ",{}[]*?\\";

    private final String root;
    private final Configuration hadoop;

    /** The landing area at root, read through the session's Hadoop settings. */
    public static LandingArea of(SparkSession spark, String root) {
        return new LandingArea(root, spark.sparkContext().hadoopConfiguration());
    }

    public LandingArea(String root, Configuration hadoop) {
        if (root.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException(
                    "the landing area's path "
                            + root
                            + " holds one of "
                            + GLOB_CHARACTERS
                            + ", which Hadoop reads as a pattern or a list: move or link it to a plain path");
        }
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.hadoop = hadoop;
    }

    public String root() {
        return root;
    }

    public String cmsFolder() {
        return root + "/cms";
    }

    public String satMonthlyFile() {
        return root + "/sat/ehcp_monthly.csv";
    }

    FileSystem fileSystem(String path) throws IOException {
        return new Path(path).getFileSystem(hadoop);
    }

    public boolean exists(String path) {
        try {
            return fileSystem(path).exists(new Path(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + path, e);
        }
    }

    public long size(String path) throws IOException {
        return fileSystem(path).getFileStatus(new Path(path)).getLen();
    }

    public InputStream open(String path) throws IOException {
        return fileSystem(path).open(new Path(path));
    }

    public byte[] readAll(String path) throws IOException {
        try (InputStream in = fileSystem(path).open(new Path(path))) {
            return in.readAllBytes();
        }
    }

    /** Streams the file through SHA-256 (hex, lower case). */
    public String sha256(String path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = fileSystem(path).open(new Path(path))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
