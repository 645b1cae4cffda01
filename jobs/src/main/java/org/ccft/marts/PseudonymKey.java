package org.ccft.marts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret of the keyed hash behind every pseudonymous reference: from configuration, or from a key
 * file kept apart from the warehouse, created with 256 random bits the first time it is needed. The key
 * itself is never logged.
 */
public final class PseudonymKey {

    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);

    private PseudonymKey() {
    }

    public static byte[] resolve(String key, String keyFile) {
        if (key != null && !key.isBlank()) {
            return key.getBytes(StandardCharsets.UTF_8);
        }
        Path file = keyFile == null || keyFile.isBlank()
                ? Path.of(System.getProperty("user.home"), ".ccft", "pseudonymisation.key") : Path.of(keyFile);
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warn("cannot restrict {} to its owner on this file system", file);
                }
                LOG.info("created a new pseudonymisation key at {}", file.toAbsolutePath());
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw new IllegalStateException("the pseudonymisation key file " + file + " is empty");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonymisation key file " + file, e);
        }
    }
}
