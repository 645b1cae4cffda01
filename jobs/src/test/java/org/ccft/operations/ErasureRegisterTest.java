package org.ccft.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.PseudonymKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The erasure register on disk: keyed hashes only, tested only with the pseudonymisation key, and
 * still answering after that key is rotated.
 */
class ErasureRegisterTest {

    private static final byte[] OLD =
            "an old pseudonymisation key of 32+ chars".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW =
            "the new pseudonymisation key, 32+ chars".getBytes(StandardCharsets.UTF_8);

    @Test
    void holdsHashesOnlyAndOutlivesAKeyRotation(@TempDir Path tmp) throws Exception {
        WarehouseLayout layout = new WarehouseLayout(tmp.toString());
        ErasureRegister register = new ErasureRegister(layout, new Configuration());
        assertThat(register.test(OLD).none()).isTrue();

        register.add(OLD, "case", List.of("CASE-000123"), "DPO-1", "2026-12-07T10:00:00Z");
        register.add(OLD, "record", List.of("FB0000123", "FB0000124"), "DPO-1", "2026-12-07");
        register.add(OLD, "record", List.of("FB0000124"), "DPO-2", "2026-12-08"); // held already

        String file = Files.readString(tmp.resolve("ops/erasures/register.json"));
        assertThat(file).doesNotContain("CASE-000123").doesNotContain("FB000012");
        assertThat(register.entries())
                .extracting(ErasureRegister.Entry::kind, ErasureRegister.Entry::request)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("case", "DPO-1"),
                        org.assertj.core.groups.Tuple.tuple("record", "DPO-1"),
                        org.assertj.core.groups.Tuple.tuple("record", "DPO-1"));
        ErasureRegister.Hashes before = register.test(OLD);
        assertThat(before.erased("CASE-000123")).isTrue();
        assertThat(before.erased("FB0000124")).isTrue();
        assertThat(before.erased("CASE-000124")).isFalse();
        assertThat(before.erased((String) null)).isFalse();

        register.rewrap(OLD, NEW);

        ErasureRegister.Hashes after = register.test(NEW);
        assertThat(after.erased("CASE-000123")).isTrue();
        assertThat(after.of("FB0000123")).isEqualTo(before.of("FB0000123"));
        assertThat(Files.readString(tmp.resolve("ops/erasures/register.json")))
                .contains(PseudonymKey.id(NEW))
                .doesNotContain(PseudonymKey.id(OLD));
        assertThatThrownBy(() -> register.test(OLD))
                .hasMessageContaining("sealed under pseudonymisation key " + PseudonymKey.id(NEW));
    }
}
