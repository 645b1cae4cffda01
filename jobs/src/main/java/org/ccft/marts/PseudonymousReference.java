package org.ccft.marts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code pseudonym(text)}: the reference by which the complaints team's lists name a case, a keyed
 * hash (HMAC-SHA256) of its case_ref, 'P' and the first 12 hex digits. Whoever holds the key can
 * find the case again; a mart alone cannot (UK GDPR art. 4(5)).
 */
public final class PseudonymousReference implements UDF1<String, String> {

    private final byte[] key;

    public PseudonymousReference(byte[] key) {
        this.key = key.clone();
    }

    public static void register(SparkSession spark, byte[] key) {
        spark.udf().register("pseudonym", new PseudonymousReference(key), DataTypes.StringType);
    }

    @Override
    public String call(String value) throws GeneralSecurityException {
        if (value == null) {
            return null;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return "P" + HexFormat.of().withUpperCase().formatHex(hash, 0, 6);
    }
}
