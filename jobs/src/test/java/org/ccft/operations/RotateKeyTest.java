package org.ccft.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ccft.demo.DropWriter;
import org.ccft.marts.PseudonymKey;
import org.ccft.nightly.ExitCode;
import org.ccft.published.Publication;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.ThreadSettings;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccft rotate-key}: a new key in the key file, the old one retired beside it, the team's
 * lists published again under new pseudonyms, and the tags made under the old key named.
 */
@WholeJob
class RotateKeyTest {

    @Test
    void aNewKeyGivesNewPseudonymsAndNamesTheTagsUnderTheOldOne(@TempDir Path tmp)
            throws Exception {
        Path keyFile = tmp.resolve("keys").resolve("pseudonymisation.key");
        // The key in a file of its own, not the tests' fixed key.
        ThreadSettings.with(
                Map.of(
                        "ccft.pseudonymisation.key",
                        "",
                        "ccft.pseudonymisation.key-file",
                        keyFile.toString()),
                () -> rotate(tmp, keyFile));
    }

    private static Void rotate(Path tmp, Path keyFile) throws Exception {
        Warehouse w = new Warehouse(tmp);
        new DropWriter(
                        w.landing,
                        "20230101T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2023-01-01T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                Cms.feedback(
                                        "record_id=R1", "case_ref=C1", "received_date=2022-12-20")))
                .write();
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        String root = w.root.toString();
        String oldId = PseudonymKey.id(PseudonymKey.read(keyFile, false));
        assertThat(publication(w).keyId()).isEqualTo(oldId);
        String before = worklist(root);
        assertThat(
                        Commands.ccft("publish", "--warehouse", root, "--tag", "before-rotation")
                                .exitCode())
                .isEqualTo(ExitCode.OK);

        Commands.Result rotated = Commands.ccft("rotate-key", "--warehouse", root);

        assertThat(rotated.exitCode()).isEqualTo(ExitCode.OK);
        String newId = PseudonymKey.id(PseudonymKey.read(keyFile, false));
        Path retired = keyFile.resolveSibling("pseudonymisation.key." + oldId + ".retired");
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(rotated.lines())
                .contains(
                        "old key " + oldId + " retired to " + retired,
                        "new key " + newId + " in " + keyFile,
                        "tag before-rotation holds pseudonyms made under key " + oldId);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(retired)))
                .isEqualTo("rw-------");
        assertThat(publication(w).keyId()).isEqualTo(newId);
        String after = worklist(root);
        assertThat(after).isNotEqualTo(before).matches("case_reference\\R+P[0-9A-F]{12}\\R*");
        assertThat(before).matches("case_reference\\R+P[0-9A-F]{12}\\R*");
        assertThat(
                        Commands.ccft(
                                        "sql",
                                        "--warehouse",
                                        root,
                                        "--audience",
                                        "team",
                                        "--as-of",
                                        "before-rotation",
                                        "SELECT case_reference FROM complaint_worklist")
                                .stdout())
                .as("the tag keeps what it published")
                .isEqualTo(before);
        return null;
    }

    private static Publication.Published publication(Warehouse w) {
        return new Publication(w.layout, TestSpark.session().sparkContext().hadoopConfiguration())
                .current()
                .orElseThrow();
    }

    private static String worklist(String root) {
        Commands.Result r =
                Commands.ccft(
                        "sql",
                        "--warehouse",
                        root,
                        "--audience",
                        "team",
                        "SELECT case_reference FROM complaint_worklist");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        return r.stdout();
    }
}
