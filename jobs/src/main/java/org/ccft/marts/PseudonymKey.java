package org.ccft.marts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret of the keyed hash behind every pseudonymous reference: from configuration, or from a
 * key file kept apart from the warehouse. A new key file holds 256 random bits and is owner-only
 * from its first byte: written to a private temporary file in the same folder (created owner-only
 * if it is new) and linked into place, so no process ever sees it partly written or readable by
 * others. A key file that others can read or write, or a key shorter than {@link #MIN_LENGTH}
 * characters, is refused. The key itself is never logged; its {@link #id} (a keyed hash of a fixed
 * text) names it in publications.
 */
public final class PseudonymKey {

    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);

    /**
     * The shortest key accepted, in characters: 32 is 192 bits of base64, or a 32-character
     * passphrase.
     */
    public static final int MIN_LENGTH = 32;

    /** How the demo's keys begin: such a key is refused anywhere but in {@code ccft demo}. */
    static final String DEMO_PREFIX = "demo-";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
            PosixFilePermissions.fromString("rwx------");

    private PseudonymKey() {}

    /** The default key file: {@code ~/.ccft/pseudonymisation.key}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".ccft", "pseudonymisation.key");
    }

    public static Path file(String keyFile) {
        return keyFile == null || keyFile.isBlank() ? defaultFile() : Path.of(keyFile);
    }

    /**
     * The key configured, or the key file's (created if there is none).
     *
     * @param demo whether this is {@code ccft demo}: only the demo makes, and accepts, a demo key
     */
    public static byte[] resolve(String key, String keyFile, boolean demo) {
        if (key != null && !key.isBlank()) {
            return checked(
                    key.strip(),
                    "the pseudonymisation key from configuration (ccft.pseudonymisation.key)",
                    demo);
        }
        Path file = file(keyFile);
        if (!Files.exists(file)) {
            create(file, demo);
        }
        return read(file, demo);
    }

    /**
     * Reads a key file, refusing one others can read or write (and a demo key outside the demo).
     */
    public static byte[] read(Path file, boolean demo) {
        try {
            refuseIfShared(file);
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return checked(text, "the pseudonymisation key file " + file, demo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonymisation key file " + file, e);
        }
    }

    /**
     * Creates a key file with a new random key, owner-only from the first byte; fails if one is
     * there already (another process made it first: that one is used).
     */
    public static void create(Path file, boolean demo) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(
                        folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path temporary =
                    Files.createTempFile(
                            folder,
                            ".pseudonymisation-",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(
                        temporary,
                        (demo ? DEMO_PREFIX : "")
                                + Base64.getEncoder().encodeToString(random)
                                + "\n",
                        StandardCharsets.UTF_8);
                Files.createLink(
                        file,
                        temporary); // atomic, and fails rather than replace a key already there
                LOG.info(
                        "created a new pseudonymisation key at {} (id {})",
                        file.toAbsolutePath(),
                        id(read(file, demo)));
            } catch (FileAlreadyExistsException madeByAnother) {
                LOG.info(
                        "another process created the pseudonymisation key at {} first: using it",
                        file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (UnsupportedOperationException notPosix) {
            throw new IllegalStateException(
                    "cannot make the pseudonymisation key file "
                            + file
                            + " readable by its "
                            + "owner only on this file system: give the key in CCFT_PSEUDONYMISATION_KEY instead",
                    notPosix);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the pseudonymisation key file " + file, e);
        }
    }

    /**
     * A key's name, safe to store and print: a keyed hash of a fixed text, from which the key
     * cannot be had.
     */
    public static String id(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "K"
                    + HexFormat.of()
                            .formatHex(
                                    mac.doFinal(
                                            "ccft pseudonymisation key id"
                                                    .getBytes(StandardCharsets.UTF_8)),
                                    0,
                                    5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuseIfShared(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // nothing to check on this file system
        }
        if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
            throw new IllegalStateException(
                    "the pseudonymisation key file "
                            + file
                            + " can be read or written by "
                            + "others ("
                            + PosixFilePermissions.toString(permissions)
                            + "): it is refused. Make it "
                            + "owner-only (chmod 600 "
                            + file
                            + ") after checking who may have read it; if anyone may "
                            + "have, make a new key with ccft rotate-key");
        }
    }

    private static byte[] checked(String key, String where, boolean demo) {
        if (!demo && key.startsWith(DEMO_PREFIX)) {
            throw new IllegalStateException(
                    where
                            + " holds a key made by ccft demo, refused anywhere else: the "
                            + "demo's pseudonyms are not secret. Point ccft.pseudonymisation.key-file at a new file");
        }
        if (key.isEmpty()) {
            throw new IllegalStateException(where + " is empty");
        }
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    where
                            + " is "
                            + key.length()
                            + " characters long: a key needs at least "
                            + MIN_LENGTH
                            + " (a new key file holds 44)");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
