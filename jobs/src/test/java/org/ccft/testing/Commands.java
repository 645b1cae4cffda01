package org.ccft.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ccft.cli.Ccft;

/** Runs {@code ccft} in this JVM as the shell would, with what it prints on stdout. */
public final class Commands {

    /** A command's exit code and its stdout. */
    public record Result(int exitCode, String stdout) {
        public List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private Commands() {}

    public static synchronized Result ccft(String... args) {
        TestSpark.session();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = Ccft.commandLine().execute(args);
            return new Result(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
