package org.ccft.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nightly run at a time per warehouse. The lock is one the operating system (or PostgreSQL)
 * lets go of when its holder dies, however it dies, so a killed run never blocks the next night:
 * with the embedded job repository it is an OS lock on {@code <warehouse>/ops/nightly.lock}; with
 * PostgreSQL it is a session advisory lock keyed by the warehouse. The file also says who holds it
 * (pid, host, since when): a file still naming a holder when the lock is free was left by a run
 * that died, and is reported and taken over.
 */
public abstract class RunLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    /** Another run holds the lock: this one must not start. */
    public static final class Held extends RuntimeException {
        public Held(String message) {
            super(message);
        }
    }

    /** Who is asking: recorded in the lock so that a refused run can say who is running. */
    static String holder() {
        ProcessHandle self = ProcessHandle.current();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        return "pid " + self.pid() + " on " + host + " since " + Instant.now();
    }

    /**
     * Where a warehouse's lock is taken (one bean, {@code JobRepositoryConfig#runLocks}): in
     * PostgreSQL when the job repository is there ({@code postgres} its data source), else in the
     * lock file.
     */
    public record Source(String warehouseRoot, String lockFile, DataSource postgres) {

        /**
         * Takes the lock for the warehouse, or throws {@link Held} at once naming the run that
         * holds it.
         */
        public RunLock acquire() {
            return postgres != null
                    ? AdvisoryLock.acquire(warehouseRoot, postgres)
                    : FileRunLock.acquire(lockFile);
        }
    }

    @Override
    public abstract void close();

    /** An OS lock on a file in the warehouse; the file is emptied, never deleted, when released. */
    static final class FileRunLock extends RunLock {
        private final FileChannel channel;
        private final FileLock lock;

        private FileRunLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static FileRunLock acquire(String lockFile) {
            Path file = Path.of(lockFile.replaceFirst("^file:", ""));
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                String recorded = read(channel);
                if (lock == null) {
                    channel.close();
                    throw new Held(
                            "another nightly run is going on this warehouse ("
                                    + (recorded.isBlank() ? "holder unknown" : recorded)
                                    + "): this run did not start; lock "
                                    + file);
                }
                if (!recorded.isBlank()) {
                    LOG.warn(
                            "cleared a stale lock left by a run that died ({}): its run is restarted",
                            recorded);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                return new FileRunLock(channel, lock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take the run lock " + file, e);
            }
        }

        private static String read(FileChannel channel) throws IOException {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
        }

        @Override
        public void close() {
            try (channel) {
                channel.truncate(0);
                lock.release();
            } catch (IOException e) {
                LOG.warn("could not release the run lock cleanly: {}", e.getMessage());
            }
        }
    }

    /**
     * A PostgreSQL session advisory lock, held by one connection for the run; the server frees it
     * if we die.
     */
    static final class AdvisoryLock extends RunLock {
        private final Connection connection;
        private final String key;

        private AdvisoryLock(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        static AdvisoryLock acquire(String warehouseRoot, DataSource postgres) {
            String key = "ccft-nightly:" + warehouseRoot;
            try {
                Connection c = postgres.getConnection();
                c.setAutoCommit(true);
                try (PreparedStatement s =
                        c.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                    s.setString(1, key);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (!r.getBoolean(1)) {
                            c.close();
                            throw new Held(
                                    "another nightly run is going on this warehouse (PostgreSQL advisory lock "
                                            + "'"
                                            + key
                                            + "' is held): this run did not start");
                        }
                    }
                }
                return new AdvisoryLock(c, key);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot take the run lock in PostgreSQL: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (connection;
                    PreparedStatement s =
                            connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                s.setString(1, key);
                s.execute();
            } catch (SQLException e) {
                LOG.warn("could not release the run lock cleanly: {}", e.getMessage());
            }
        }
    }
}
