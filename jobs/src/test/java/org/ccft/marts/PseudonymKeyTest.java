package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pseudonymisation key: created owner-only in an owner-only folder, refused when shared or
 * short.
 */
class PseudonymKeyTest {

    @Test
    void aNewKeyFileIsOwnerOnlyInAnOwnerOnlyFolderAndGivesTheSameKeyEachTime(@TempDir Path tmp)
            throws Exception {
        Path file = tmp.resolve("keys").resolve("pseudonymisation.key");
        byte[] key = PseudonymKey.resolve("", file.toString(), false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(new String(key, StandardCharsets.UTF_8))
                .hasSize(44); // 32 random bytes in base64
        assertThat(PseudonymKey.resolve("", file.toString(), false)).isEqualTo(key);
        assertThat(PseudonymKey.id(key))
                .matches("K[0-9a-f]{10}")
                .isNotEqualTo(PseudonymKey.id(new byte[32]));
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aKeyFileOthersCanReadIsRefused(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("pseudonymisation.key");
        Files.writeString(file, "a".repeat(44));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PseudonymKey.resolve("", file.toString(), false))
                .hasMessageContaining(
                        "can be read or written by others (rw-r--r--): it is refused");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(PseudonymKey.resolve("", file.toString(), false)).hasSize(44);
    }

    @Test
    void aShortKeyAndTheDemosKeyAreRefused(@TempDir Path tmp) {
        assertThatThrownBy(() -> PseudonymKey.resolve("x", null, false))
                .hasMessage(
                        "the pseudonymisation key from configuration (ccft.pseudonymisation.key) is 1 characters "
                                + "long: a key needs at least 32 (a new key file holds 44)");
        Path demoKey = tmp.resolve("demo.key");
        byte[] made = PseudonymKey.resolve("", demoKey.toString(), true);
        assertThat(new String(made, StandardCharsets.UTF_8)).startsWith("demo-");
        assertThatThrownBy(() -> PseudonymKey.resolve("", demoKey.toString(), false))
                .hasMessageContaining("holds a key made by ccft demo, refused anywhere else");
    }
}
