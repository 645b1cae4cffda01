package org.ccft.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.ccft.config.CcftProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's spill and scratch folder: inside a local warehouse's ops area, owner-only, unless
 * configured.
 */
class ScratchFolderTest {

    @Test
    void aLocalWarehouseKeepsSparksScratchInItsOwnOpsArea(@TempDir Path tmp) throws Exception {
        CcftProperties.Spark settings = new CcftProperties.Spark();
        Path warehouse = tmp.resolve("warehouse");
        String dir = SparkSessionFactory.scratch(settings, warehouse.toString()).orElseThrow();
        assertThat(dir).isEqualTo(warehouse.resolve("ops/spark-local").toAbsolutePath().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dir))))
                .isEqualTo("rwx------");

        settings.setLocalDir(tmp.resolve("elsewhere").toString());
        assertThat(SparkSessionFactory.scratch(settings, warehouse.toString()))
                .contains(tmp.resolve("elsewhere").toString());
        settings.setLocalDir("");
        assertThat(SparkSessionFactory.scratch(settings, "s3a://bucket/ccft"))
                .as("no local folder to put it in")
                .isEmpty();
    }
}
