package org.ccft.lakehouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file mode creation mask of this process: 007, so that every file and folder the project
 * writes (the warehouse, the job repository's H2 database, the run lock, the access log, reports,
 * sites and workbooks) is its owner's and group's only, whatever the shell that started it had.
 * Spark's and Delta's writes through Hadoop take the same mask from {@link #OCTAL} ({@code
 * fs.permissions.umask-mode}). On a system without {@code umask(2)} (Windows) nothing is set, and
 * that is said once on stderr.
 */
public final class ProcessUmask {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessUmask.class);

    /** The mask, as Hadoop's configuration writes it. */
    public static final String OCTAL = "007";

    private static final int MASK = Integer.parseInt(OCTAL, 8);
    private static volatile boolean applied;

    /** The C library's {@code umask(2)}. */
    private interface C extends Library {
        int umask(int mask);
    }

    private ProcessUmask() {}

    /** Sets the mask (once per process; later calls do nothing). */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        try {
            C c = Native.load("c", C.class);
            int before = c.umask(MASK);
            if (before != MASK) {
                LOG.debug(
                        "file mode mask set to {} (was {})", OCTAL, Integer.toOctalString(before));
            }
        } catch (UnsatisfiedLinkError | RuntimeException noUmask) {
            LOG.warn(
                    "cannot set the file mode mask to {} on this system ({}): files take the "
                            + "shell's; keep the warehouse in a folder only its team can open",
                    OCTAL,
                    noUmask.getMessage());
        }
    }
}
