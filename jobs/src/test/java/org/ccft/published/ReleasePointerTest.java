package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.ccft.marts.Audience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warehouse answers only from a release of its own: a {@code current.json} (or a tag) pointing at
 * another warehouse's release, by absolute path, by '..' or through a link, is refused.
 */
class ReleasePointerTest {

    @TempDir Path tmp;

    /** A warehouse with one release of the team's marts, named {@code run-1}. */
    private Path warehouse(String name) throws Exception {
        Path root = tmp.resolve(name);
        Path team = Files.createDirectories(root.resolve("published/releases/run-1/team/parquet"));
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement()) {
            sql.execute(
                    "COPY (SELECT 'P0A1B2C3D4E5' AS case_reference) TO '"
                            + team.resolve("complaint_worklist.parquet")
                            + "' (FORMAT parquet)");
        }
        pointTo(root, "run-1");
        return root;
    }

    private static void pointTo(Path root, String release) throws Exception {
        Files.writeString(
                root.resolve("published/current.json"),
                "{\"run_id\": 7, \"as_at_date\": \"2023-04-06\", \"release\": \""
                        + release.replace("\\", "\\\\")
                        + "\", \"marts\": {}}");
    }

    private static void refused(Path root) {
        assertThatThrownBy(() -> MartReader.open(root.toString(), Audience.TEAM, null))
                .isInstanceOfSatisfying(
                        RefusedQuery.class,
                        e -> assertThat(e.code()).isEqualTo(RefusedQuery.Code.RELEASE_OUTSIDE));
    }

    @Test
    void aPointerToAnotherWarehousesReleaseIsRefused() throws Exception {
        Path real = warehouse("real");
        assertThat(
                        MartReader.open(real.toString(), Audience.TEAM, null)
                                .answer("SELECT count(*) AS n FROM complaint_worklist")
                                .rows())
                .hasSize(1);
        Path decoy = warehouse("decoy");
        Path theirs = real.resolve("published/releases/run-1").toAbsolutePath();

        pointTo(decoy, theirs.toString());
        refused(decoy);

        pointTo(decoy, "../../../real/published/releases/run-1");
        refused(decoy);

        pointTo(decoy, "");
        refused(decoy);

        Files.createSymbolicLink(decoy.resolve("published/releases/run-2"), theirs);
        pointTo(decoy, "run-2");
        refused(decoy);

        pointTo(decoy, "run-1");
        assertThat(MartReader.open(decoy.toString(), Audience.TEAM, null).source().release())
                .startsWith(decoy.toAbsolutePath());
    }
}
