package org.ccft.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nightly run ({@link ChildNightly}) in a real child JVM with this JVM's classpath and module
 * flags: the test reads what it says on stdout, can kill it with SIGKILL, or let it go on.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Path errFile;
    private final List<String> said = new ArrayList<>();

    private ChildJvm(Process process, Path errFile) {
        this.process = process;
        this.out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.errFile = errFile;
    }

    /**
     * Starts a nightly run on the warehouse and landing, with these system properties (crash
     * points).
     */
    public static ChildJvm nightly(
            Path warehouse, Path landing, Path logDir, Map<String, String> properties)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")
                    || arg.startsWith("-Dccft.")
                    || arg.startsWith("-Dlog4j")) {
                cmd.add(arg);
            }
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("ccft."))
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildNightly.class.getName());
        cmd.add(warehouse.toString());
        cmd.add(landing.toString());
        Files.createDirectories(logDir);
        Path err = Files.createTempFile(logDir, "child-", ".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return new ChildJvm(pb.start(), err);
    }

    /**
     * Reads stdout up to the first line starting with one of the prefixes; fails if the child ends
     * first.
     */
    public String awaitLine(String... prefixes) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            said.add(line);
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    return line;
                }
            }
        }
        throw new AssertionError(
                "the child JVM ended without saying "
                        + List.of(prefixes)
                        + "; it said "
                        + said
                        + "; its stderr ends: "
                        + tail());
    }

    /** Its exit code, once it has said EXIT. */
    public int exitCode() throws IOException, InterruptedException {
        String exit = awaitLine(ChildNightly.EXIT);
        process.waitFor();
        return Integer.parseInt(exit.substring(ChildNightly.EXIT.length()).trim());
    }

    /** kill -9: no shutdown hook, no finally block, no flush runs in the child. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Lets a paused child go on. */
    public void resume() throws IOException {
        Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        in.write("go\n");
        in.flush();
    }

    public String stderr() throws IOException {
        return Files.readString(errFile);
    }

    private String tail() {
        try {
            String err = stderr();
            return err.substring(Math.max(0, err.length() - 3000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
