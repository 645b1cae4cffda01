package org.ccft.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for a test: Debian's binaries (package postgresql; {@code .ci/run}
 * installs it), a fresh cluster in a temporary folder on a free port, trust authentication on
 * 127.0.0.1, stopped and removed at close. Run as root, the server runs as the {@code postgres}
 * user, as it must. Without the binaries the test is skipped, unless CCFT_REQUIRE_POSTGRES is set
 * (as CI sets it): then it fails.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresServer(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        if (bin == null) {
            String why =
                    "no PostgreSQL server binaries (initdb, pg_ctl) on this machine: apt-get install postgresql";
            if (System.getenv("CCFT_REQUIRE_POSTGRES") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("ccft-pg-");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer pg = new PostgresServer(dir, bin, port);
        if (asRoot()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        pg.pg(
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-U",
                        "ccft",
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--no-sync"));
        pg.pg(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-w",
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start"));
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "ccft", "");
    }

    @Override
    public void close() throws Exception {
        pg(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop"));
        run(List.of("rm", "-rf", dir.toString()));
    }

    private void pg(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        run(cmd);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The folder of initdb and pg_ctl: Debian's /usr/lib/postgresql/N/bin, else the PATH. */
    private static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found =
                        versions.map(v -> v.resolve("bin"))
                                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                                .sorted()
                                .reduce((a, b) -> b);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty()
                    && Files.isExecutable(Path.of(p, "initdb"))
                    && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p);
            }
        }
        return null;
    }
}
