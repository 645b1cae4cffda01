package org.ccft.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ccft.nightly.ExitCode;
import org.ccft.published.AnswerFormat;
import org.ccft.published.MartReader;
import org.ccft.published.TeamAccessLog;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell of {@code ccft sql} at a terminal: line editing, history, queries over
 * several lines.
 */
public final class SqlShell {

    private SqlShell() {}

    /**
     * Reads queries (ending with ';') at a prompt, with history kept in {@code history}, until end
     * of input or .quit; answers go to the terminal, reasons for refusals to stderr.
     */
    public static int run(
            MartReader marts,
            TeamAccessLog log,
            AnswerFormat format,
            Terminal terminal,
            Path history)
            throws IOException {
        Files.createDirectories(history.getParent());
        LineReader reader =
                LineReaderBuilder.builder()
                        .terminal(terminal)
                        .appName("ccft")
                        .variable(LineReader.HISTORY_FILE, history)
                        .build();
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        out.println(
                "ccft sql: "
                        + marts.audience().label()
                        + " marts, "
                        + marts.source().description()
                        + ", as at "
                        + marts.source().asAtDate()
                        + ". End a query with ';'. .marts lists them, .quit ends.");
        StringBuilder pending = new StringBuilder();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(pending.isEmpty() ? "ccft> " : "  ... ");
                } catch (UserInterruptException e) {
                    pending.setLength(0);
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCode.OK;
                }
                String trimmed = line.trim();
                if (pending.isEmpty() && trimmed.startsWith(".")) {
                    if (trimmed.equals(".quit") || trimmed.equals(".exit")) {
                        return ExitCode.OK;
                    }
                    out.println(
                            trimmed.equals(".marts")
                                    ? String.join("\n", marts.marts())
                                    : ".marts lists the marts you may read; .quit ends; a query ends with ';'");
                    continue;
                }
                pending.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String q = pending.toString().trim();
                    pending.setLength(0);
                    SqlCommand.ask(marts, log, q.substring(0, q.length() - 1), format, out);
                }
            }
        } finally {
            reader.getHistory().save();
        }
    }
}
