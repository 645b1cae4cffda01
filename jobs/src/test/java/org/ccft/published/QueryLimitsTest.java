package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.ccft.marts.Audience;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader's query is held to its limits, each refused with a reason and a code rather than a stack
 * trace: too long to run, too many rows, too long a text, nested too deep.
 */
class QueryLimitsTest {

    @TempDir static Path tmp;
    static MartReader reader;

    @BeforeAll
    static void release() throws Exception {
        Path release = tmp.resolve("run-1");
        Path internal = Files.createDirectories(release.resolve("internal/parquet"));
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement()) {
            sql.execute(
                    "COPY (SELECT '2022-23' AS financial_year, 'compliments' AS measure, 206 AS value) TO '"
                            + internal.resolve("at_a_glance.parquet")
                            + "' (FORMAT parquet)");
        }
        reader =
                MartReader.ofRelease(release, "2023-04-06", Audience.INTERNAL)
                        .limitedTo(MartReader.Limits.reader(Duration.ofSeconds(2), 100));
    }

    private static void refused(String query, RefusedQuery.Code code) {
        assertThatThrownBy(() -> reader.answer(query))
                .as(query.length() > 80 ? query.substring(0, 80) : query)
                .isInstanceOfSatisfying(
                        RefusedQuery.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anAnswerOfMoreRowsThanAllowedIsRefused() throws Exception {
        assertThat(reader.answer("SELECT * FROM range(100)").rows()).hasSize(100);
        refused("SELECT * FROM range(101)", RefusedQuery.Code.TOO_MANY_ROWS);
        assertThat(reader.answer("SELECT * FROM at_a_glance").rows()).hasSize(1);
    }

    @Test
    void aQueryPastItsTimeIsStopped() {
        long started = System.nanoTime();
        refused(
                "SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c",
                RefusedQuery.Code.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aHugeTextOrADeepNestingIsRefusedWithAReason() {
        refused(
                "SELECT '" + "x".repeat(MartReader.MAX_QUERY_CHARS) + "'",
                RefusedQuery.Code.TOO_LONG);
        String deep =
                "SELECT * FROM ".repeat(400).replace("FROM SELECT", "FROM (SELECT")
                        + "at_a_glance"
                        + ") s".repeat(399);
        assertThatThrownBy(() -> reader.answer(deep))
                .isInstanceOfSatisfying(
                        RefusedQuery.class,
                        e ->
                                assertThat(e.code())
                                        .isIn(
                                                RefusedQuery.Code.TOO_COMPLEX,
                                                RefusedQuery.Code.DOES_NOT_PARSE));
    }
}
