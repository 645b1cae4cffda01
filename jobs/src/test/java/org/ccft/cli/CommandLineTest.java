package org.ccft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.ccft.nightly.ExitCode;
import org.ccft.published.AnswerFormat;
import org.ccft.published.MartReader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's face: help on every command, and documented exit codes for bad usage. */
class CommandLineTest {

    private static String[] run(String... args) {
        CommandLine cl = Ccft.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command :
                new String[] {
                    "nightly",
                    "schedule",
                    "history",
                    "sql",
                    "publish",
                    "maintain",
                    "erase",
                    "rotate-key",
                    "dq",
                    "dictionary",
                    "site",
                    "report",
                    "demo"
                }) {
            String[] r = run(command, "--help");
            assertThat(r[0]).as(command).isEqualTo("0");
            assertThat(r[1]).as(command).contains("Usage: ccft " + command).contains("Exit codes:");
        }
        assertThat(run("--help")[1])
                .contains(
                        "nightly",
                        "sql",
                        "dq",
                        "dictionary",
                        "demo",
                        "3   run completed, but damaged drops",
                        "5   a critical data-quality check failed",
                        "6   another nightly run is going on this warehouse");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("nightly", "--no-such-option")[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("sql", "--audience", "everyone", "SELECT 1")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("sql", "--format", "pdf", "SELECT 1")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run()[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("frobnicate")[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        String[] loud = run("nightly", "--severity", "drop_volume=loud");
        assertThat(loud[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(loud[2]).contains("--severity drop_volume: unknown severity 'loud'");
        assertThat(run("dq", "--format", "pdf")[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("dictionary", "--format", "pdf")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("schedule")[0])
                .as("--cron is required")
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("schedule", "--cron", "0 30 2 * * *", "--zone", "Mars/Olympus")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("maintain", "--retain-hours", "a week")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        String[] lowered = run("nightly", "--severity", "csv_format=off");
        assertThat(lowered[0]).isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(lowered[2])
                .contains(
                        "csv_format is a structural check, which can be raised to critical but not "
                                + "lowered below error");
        assertThat(run("erase", "--case-ref", "C1")[0])
                .as("--request is required")
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("erase", "--request", "DPO-1")[0])
                .as("nothing named")
                .isEqualTo(String.valueOf(ExitCode.USAGE));
        assertThat(run("erase", "--request", "'; DROP", "--case-ref", "C1")[0])
                .isEqualTo(String.valueOf(ExitCode.USAGE));
    }

    @Test
    void csvQuotesWhatNeedsQuoting() throws Exception {
        var answer =
                new MartReader.Answer(
                        List.of("x", "y", "z", "d"),
                        List.of("VARCHAR", "VARCHAR", "INTEGER", "DATE"),
                        List.<Object[]>of(new Object[] {"a,b", null, 3, "2023-05-08"}),
                        Set.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AnswerFormat.CSV.print(answer, new PrintStream(bytes, true, "UTF-8"));
        assertThat(bytes.toString("UTF-8")).isEqualTo("x,y,z,d\r\n\"a,b\",,3,2023-05-08\r\n");
    }
}
