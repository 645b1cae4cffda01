package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.ccft.cli.SqlShell;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell of {@code ccft sql}: queries over several lines, dot commands, history
 * kept.
 */
class SqlShellTest {

    @Test
    void theShellAnswersQueriesTypedOverSeveralLinesAndKeepsTheirHistory(@TempDir Path tmp)
            throws Exception {
        // A published release of one mart, as the release writer lays it out.
        Path warehouse = tmp.resolve("warehouse");
        Path parquet = warehouse.resolve("published/releases/run-1-1/internal/parquet");
        Files.createDirectories(parquet);
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement()) {
            sql.execute(
                    "COPY (SELECT * FROM (VALUES ('2022-23', 'compliments', 206), ('2022-23', 'enquiries_mp', 112)) "
                            + "t(financial_year, measure, value)) TO "
                            + DuckDb.literal(parquet.resolve("at_a_glance.parquet").toString())
                            + " (FORMAT parquet)");
        }
        Files.writeString(
                warehouse.resolve("published/current.json"),
                "{\"run_id\":1,\"as_at_date\":\"2023-04-06\",\"published_at\":\"2023-04-06T03:00:00Z\","
                        + "\"marts\":{\"at_a_glance\":1},\"release\":\"run-1-1\"}");
        MartReader marts = MartReader.open(warehouse.toString(), Audience.INTERNAL, null);

        String typed =
                "SELECT measure, value\n  FROM at_a_glance\n  ORDER BY value DESC;\n.marts\n"
                        + "DELETE FROM at_a_glance;\nSELECT count(*) AS n FROM at_a_glance;\n.quit\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = tmp.resolve("home/.ccft/sql_history");
        int code;
        try (Terminal terminal =
                TerminalBuilder.builder()
                        .dumb(true)
                        .streams(
                                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                                screen)
                        .build()) {
            code = SqlShell.run(marts, null, AnswerFormat.TABLE, terminal, history);
        }
        // What a person sees: without carriage returns and the terminal modes JLine sets and
        // resets.
        String shown =
                screen.toString(StandardCharsets.UTF_8)
                        .replace("\r", "")
                        .replaceAll("\u001b\\[[?0-9;]*[a-zA-Z]|\u001b[=>]", "");
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(shown)
                .contains("internal marts, published by run 1, as at 2023-04-06")
                .contains("compliments  |   206", "enquiries_mp |   112", "(2 rows)")
                .contains("n\n-\n2\n(1 row)");
        assertThat(shown).as(".marts lists them, one a line").contains(".marts\nat_a_glance\n");
        assertThat(Files.readString(history))
                .contains("SELECT measure, value", "DELETE FROM at_a_glance;", ".quit");
    }
}
