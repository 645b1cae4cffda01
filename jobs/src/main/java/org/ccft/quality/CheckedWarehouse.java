package org.ccft.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The warehouse as last checked and passed: a fingerprint of everything the warehouse checks read
 * and are judged by (each table's version, the marts' versions, the as-at date, the checks, the
 * policy, the code) and the run that checked it. A run finding the same fingerprint has nothing new
 * to check: the same checks over the same data say what they said, so that run's outcomes are
 * recorded again instead of measured again.
 */
public final class CheckedWarehouse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseFiles files;
    private final String file;

    public CheckedWarehouse(WarehouseLayout layout, WarehouseFiles files) {
        this.files = files;
        this.file = layout.checkedWarehouse();
    }

    /**
     * The run that last checked (and passed) a warehouse with this fingerprint, if the last one
     * did.
     */
    public Optional<Long> checkedBy(String fingerprint) {
        return files.read(file)
                .map(
                        text -> {
                            try {
                                return JSON.readTree(text);
                            } catch (IOException e) {
                                throw new UncheckedIOException("cannot read " + file, e);
                            }
                        })
                .filter(last -> fingerprint.equals(last.path("fingerprint").asText()))
                .map(last -> last.path("run_id").asLong());
    }

    /** Records that this run checked, and passed, the warehouse with this fingerprint. */
    public void passed(String fingerprint, long runId) {
        try {
            files.write(
                    file,
                    JSON.writeValueAsString(Map.of("fingerprint", fingerprint, "run_id", runId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
