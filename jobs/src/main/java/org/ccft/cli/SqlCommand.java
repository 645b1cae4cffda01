package org.ccft.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ccft.config.StandaloneSettings;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.ccft.published.AnswerFormat;
import org.ccft.published.MartReader;
import org.ccft.published.RefusedQuery;
import org.ccft.published.TeamAccessLog;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Answers a SELECT or WITH query over the published marts, by their names in the data dictionary, in",
            "DuckDB's SQL dialect (close to PostgreSQL's), from the publication's Parquet files. Results on",
            "stdout, reasons on stderr. Without QUERY: an interactive shell with history when stdin is a",
            "terminal, else the query is read from stdin.",
            "Only the published marts of your audience can be read: raw, staging, conformed and ops tables,",
            "files, paths, settings, DDL and DML are refused (exit code 4) with the reason. Every query with",
            "--audience team is written to <warehouse>/ops/access/team-queries.jsonl (when, who, which",
            "marts, how many rows; never the rows)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:answered",
            "2:bad command line",
            "4:the query was refused or failed, nothing is published yet, or no such tag"
        })
public final class SqlCommand implements Callable<Integer> {

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--audience",
            paramLabel = "AUDIENCE",
            defaultValue = "internal",
            converter = AudienceOption.class,
            description =
                    "whose marts to read: internal (default: exact aggregates, council staff), public (the "
                            + "public marts after disclosure control: a suppressed figure is null and the row's suppressed "
                            + "column names it) or team (also the complaints team's pseudonymous lists; every query is logged)")
    Audience audience;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "csv (default), table or json; the shell's " + "default is table")
    AnswerFormat format;

    @Option(
            names = "--as-of",
            paramLabel = "TAG",
            description =
                    "the marts as a tag has them (ccft publish --tag), instead of as published now")
    String asOf;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "stop a query that runs longer than this (default: 30)")
    long timeout;

    @Option(
            names = "--max-rows",
            paramLabel = "N",
            defaultValue = "100000",
            description = "refuse an answer of more rows than this (default: 100000)")
    long maxRows;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "QUERY",
            description = "e.g. \"SELECT * FROM at_a_glance\"")
    String query;

    @Override
    public Integer call() throws IOException {
        Audience reader = audience;
        String root = warehouse != null ? warehouse : StandaloneSettings.load().getWarehouse();
        MartReader marts;
        try {
            if (timeout < 1 || maxRows < 1) {
                System.err.println("ccft sql: --timeout and --max-rows are at least 1");
                return ExitCode.USAGE;
            }
            marts =
                    MartReader.open(root, reader, asOf)
                            .limitedTo(
                                    MartReader.Limits.reader(
                                            java.time.Duration.ofSeconds(timeout), maxRows));
        } catch (RefusedQuery e) {
            System.err.println("ccft sql: " + e.getMessage());
            return ExitCode.QUERY_FAILED;
        }
        TeamAccessLog log = reader == Audience.TEAM ? new TeamAccessLog(marts.warehouse()) : null;
        if (query != null) {
            return ask(marts, log, query, format == null ? AnswerFormat.CSV : format, System.out);
        }
        if (System.console() == null) {
            String stdin =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .lines()
                            .collect(Collectors.joining("\n"));
            return ask(marts, log, stdin, format == null ? AnswerFormat.CSV : format, System.out);
        }
        Path history = Path.of(System.getProperty("user.home"), ".ccft", "sql_history");
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return SqlShell.run(
                    marts, log, format == null ? AnswerFormat.TABLE : format, terminal, history);
        }
    }

    /** Answers one query, or says on stderr why not; logs it first when it is a team query. */
    static int ask(
            MartReader marts,
            TeamAccessLog log,
            String query,
            AnswerFormat format,
            PrintStream out) {
        String source = marts.source().description();
        MartReader.Answer answer;
        try {
            answer = marts.answer(query);
        } catch (RefusedQuery e) {
            if (log != null) {
                log.refused(query, e, source);
            }
            System.err.println("ccft sql: refused: " + e.getMessage());
            return ExitCode.QUERY_FAILED;
        } catch (RuntimeException | StackOverflowError e) {
            // Every attempt is on the record, the ones the tool fails on too.
            if (log != null) {
                log.failed(query, source);
            }
            throw e;
        }
        if (log != null) {
            log.answered(query, answer.marts(), answer.rows().size(), source);
        }
        format.print(answer, out);
        return ExitCode.OK;
    }
}
