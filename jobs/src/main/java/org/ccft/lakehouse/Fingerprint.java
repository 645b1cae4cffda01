package org.ccft.lakehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
