package org.ccft.operations;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.PseudonymKey;

/**
 * The cases and records erased, kept so that a later drop still holding them is refused at landing
 * ({@code ops/erasures/register.json}). It holds no reference in plain: each is a keyed hash
 * (HMAC-SHA256) under the register's own random key, and that key is kept only encrypted (AES-GCM)
 * under a key derived from the pseudonymisation key. Without the pseudonymisation key the register
 * cannot be tested against a guess; {@code rotate-key} re-encrypts the register's key under the new
 * one, so the hashes, and the erasures, outlive a rotation.
 */
public final class ErasureRegister {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FILE = "register.json";
    private static final byte[] WRAPPING = "ccft erasure register".getBytes(StandardCharsets.UTF_8);

    /**
     * An erased case or record, as the register holds it: a hash, and the request that erased it.
     */
    public record Entry(
            @JsonProperty("hash") String hash,
            @JsonProperty("kind") String kind,
            @JsonProperty("request") String request,
            @JsonProperty("erased_at") String erasedAt) {}

    /** The file's content. */
    record Stored(
            @JsonProperty("key_id") String keyId,
            @JsonProperty("wrapped_key") String wrappedKey,
            @JsonProperty("entries") List<Entry> entries) {}

    private final WarehouseFiles files;
    private final String path;

    public ErasureRegister(WarehouseLayout layout, Configuration hadoop) {
        this.files = new WarehouseFiles(hadoop);
        this.path = layout.erasures() + "/" + FILE;
    }

    /** Every entry, oldest first (none when nothing was ever erased). */
    public List<Entry> entries() {
        return stored().map(Stored::entries).orElse(List.of());
    }

    /** Adds the references to the register, hashed; the register's key is made on its first use. */
    public void add(
            byte[] pseudonymKey,
            String kind,
            Collection<String> references,
            String request,
            String when) {
        Stored now = storedOrNew(pseudonymKey);
        Hashes hashes = new Hashes(unwrap(now, pseudonymKey), Set.of());
        addHashes(
                now,
                pseudonymKey,
                kind,
                references.stream().map(hashes::of).toList(),
                request,
                when);
    }

    /** Adds hashes made by {@link #test}'s {@link Hashes#of} (on Spark's executors). */
    public void addHashes(
            byte[] pseudonymKey,
            String kind,
            Collection<String> hashes,
            String request,
            String when) {
        addHashes(storedOrNew(pseudonymKey), pseudonymKey, kind, hashes, request, when);
    }

    private void addHashes(
            Stored now,
            byte[] pseudonymKey,
            String kind,
            Collection<String> hashes,
            String request,
            String when) {
        Set<String> held = now.entries().stream().map(Entry::hash).collect(Collectors.toSet());
        List<Entry> entries = new ArrayList<>(now.entries());
        new TreeSet<>(hashes)
                .stream()
                        .filter(h -> !held.contains(h))
                        .forEach(h -> entries.add(new Entry(h, kind, request, when)));
        write(new Stored(now.keyId(), now.wrappedKey(), entries));
    }

    /**
     * What tests a value against the register, on Spark's executors: empty when nothing was ever
     * erased.
     */
    public Hashes test(byte[] pseudonymKey) {
        return stored().map(
                        s ->
                                new Hashes(
                                        unwrap(s, pseudonymKey),
                                        s.entries().stream()
                                                .map(Entry::hash)
                                                .collect(Collectors.toSet())))
                .orElse(Hashes.NONE);
    }

    /** The register's key encrypted again, under the new pseudonymisation key. */
    public void rewrap(byte[] oldKey, byte[] newKey) {
        stored().ifPresent(
                        s ->
                                write(
                                        new Stored(
                                                PseudonymKey.id(newKey),
                                                wrap(unwrap(s, oldKey), newKey),
                                                s.entries())));
    }

    /**
     * The register's keyed hash, and the hashes erased: a value's hash, and whether it was erased.
     */
    public static final class Hashes implements Serializable {
        /** Nothing erased. */
        public static final Hashes NONE = new Hashes(new byte[0], Set.of());

        private final byte[] key;
        private final Set<String> erased;

        Hashes(byte[] key, Set<String> erased) {
            this.key = key.clone();
            this.erased = Set.copyOf(erased);
        }

        /** These hashes and more. */
        public Hashes with(Collection<String> more) {
            Set<String> all = new java.util.HashSet<>(erased);
            all.addAll(more);
            return new Hashes(key, all);
        }

        public boolean none() {
            return erased.isEmpty();
        }

        /** The value's keyed hash, as the register holds it. */
        public String of(String value) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of()
                        .formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean erased(String value) {
            return value != null && erased.contains(of(value));
        }

        /** {@code erased(column)} for Spark. */
        public Column erased(Column value) {
            UDF1<String, Boolean> test = this::erased;
            UserDefinedFunction udf = functions.udf(test, DataTypes.BooleanType);
            return udf.apply(value);
        }

        /** {@code hash(column)} for Spark. */
        public Column hash(Column value) {
            UDF1<String, String> hash = v -> v == null ? null : of(v);
            return functions.udf(hash, DataTypes.StringType).apply(value);
        }
    }

    private java.util.Optional<Stored> stored() {
        return files.read(path)
                .map(
                        text -> {
                            try {
                                return JSON.readValue(text, Stored.class);
                            } catch (IOException e) {
                                throw new UncheckedIOException(
                                        "cannot read the erasure register " + path, e);
                            }
                        });
    }

    private Stored storedOrNew(byte[] pseudonymKey) {
        return stored().orElseGet(
                        () -> {
                            byte[] key = new byte[32];
                            new SecureRandom().nextBytes(key);
                            return new Stored(
                                    PseudonymKey.id(pseudonymKey),
                                    wrap(key, pseudonymKey),
                                    List.of());
                        });
    }

    private void write(Stored stored) {
        try {
            files.write(path, JSON.writeValueAsString(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the erasure register " + path, e);
        }
    }

    private static String wrap(byte[] registerKey, byte[] pseudonymKey) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, wrappingKey(pseudonymKey), new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(registerKey);
            return Base64.getEncoder()
                    .encodeToString(
                            ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] unwrap(Stored stored, byte[] pseudonymKey) {
        byte[] sealed = Base64.getDecoder().decode(stored.wrappedKey());
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(
                    Cipher.DECRYPT_MODE,
                    wrappingKey(pseudonymKey),
                    new GCMParameterSpec(128, sealed, 0, 12));
            return aes.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the erasure register "
                            + path
                            + " was sealed under pseudonymisation key "
                            + stored.keyId()
                            + ", not the key in use ("
                            + PseudonymKey.id(pseudonymKey)
                            + "): give that key (a retired key file is kept beside the key file by rotate-key)",
                    e);
        }
    }

    private static SecretKeySpec wrappingKey(byte[] pseudonymKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(WRAPPING), "AES");
    }
}
