package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's access log records why a query was refused as a fixed code, never the reason the
 * reader is shown (which can quote the query: a reference, a name), and is its owner's only.
 */
class TeamAccessLogTest {

    @Test
    void aRefusalIsLoggedAsACodeThatQuotesNothingOfTheQuery(@TempDir Path warehouse)
            throws Exception {
        String[] queries = {
            "SELECT * FROM \"CASE-003284 Riley Brown\"",
            "SELECT 'CASE-003284 Riley Brown",
            "SELECT * FROM complaint_worklist WHERE case_reference = 'CASE-003284 Riley Brown'"
        };
        TeamAccessLog log = new TeamAccessLog(warehouse);
        for (String query : queries) {
            RefusedQuery why;
            try (Connection db = DuckDb.inMemory()) {
                why =
                        catchThrowableOfType(
                                () ->
                                        QueryGuard.check(
                                                db,
                                                query,
                                                Set.of("at_a_glance"),
                                                Set.of("at_a_glance")),
                                RefusedQuery.class);
            }
            // The reader is told, in words that may quote the query ...
            assertThat(why.getMessage()).isNotBlank();
            log.refused(query, why, "release run-1");
        }
        log.failed("SELECT 'Riley Brown' AS crash", "release run-1");
        String text = Files.readString(log.file());
        // ... the log holds none of it: neither the name nor the reference.
        assertThat(text.toLowerCase()).doesNotContain("riley", "brown", "case-003284");
        List<String> reasons = new java.util.ArrayList<>();
        for (String line : text.lines().toList()) {
            var entry = new ObjectMapper().readTree(line);
            if (entry.has("reason")) {
                reasons.add(entry.get("reason").asText());
            }
        }
        assertThat(reasons).containsExactly("not_a_mart", "does_not_parse", "not_a_mart");
        assertThat(text.lines().toList().get(3)).contains("\"outcome\":\"failed\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())))
                .isEqualTo("rw-------");
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(log.file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aLogLeftReadableByOthersIsMadeTheOwnersOnlyAtTheNextQuery(@TempDir Path warehouse)
            throws Exception {
        TeamAccessLog log = new TeamAccessLog(warehouse);
        Files.createDirectories(log.file().getParent());
        Files.writeString(log.file(), "");
        Files.setPosixFilePermissions(log.file(), PosixFilePermissions.fromString("rw-r--r--"));
        log.answered("SELECT 1", Set.of(), 1, "release run-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())))
                .isEqualTo("rw-------");
    }
}
