package org.ccft.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

    /**
     * Where this thread's stdout goes while a command runs, and the threads the command starts
     * (failsafe runs two test classes at once in one JVM, each with its own commands); null: the
     * console.
     */
    private static final InheritableThreadLocal<OutputStream> CAPTURE =
            new InheritableThreadLocal<>();

    private static PrintStream console;

    private Commands() {}

    public static Result ccft(String... args) {
        TestSpark.session();
        routeStdout();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CAPTURE.set(bytes);
        try {
            int code = Ccft.commandLine().execute(args);
            return new Result(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            CAPTURE.remove();
        }
    }

    /** System.out, once, sent by thread: to a running command's capture, else to the console. */
    private static synchronized void routeStdout() {
        if (console != null) {
            return;
        }
        console = System.out;
        OutputStream byThread =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target().write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        target().write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        target().flush();
                    }

                    private OutputStream target() {
                        OutputStream capture = CAPTURE.get();
                        return capture == null ? console : capture;
                    }
                };
        System.setOut(new PrintStream(byThread, true, StandardCharsets.UTF_8));
    }
}
